package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Asset names to dense indexes, so balances are plain arrays. */
public final class Assets {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{2,10}");
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int id(String name) {
        Integer existing = index.get(name);
        if (existing != null) {
            return existing;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("asset names are 2-10 upper-case letters or digits: " + name);
        }
        int id = names.size();
        names.add(name);
        index.put(name, id);
        return id;
    }

    /** @return the id, or -1 for an unknown asset */
    public int find(String name) {
        Integer id = index.get(name);
        return id == null ? -1 : id;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return names.size();
    }
}
