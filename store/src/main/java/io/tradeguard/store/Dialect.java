package io.tradeguard.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/** What differs between the two databases: the decimal column type and how decimals travel. */
enum Dialect {
    SQLITE("TEXT"),
    POSTGRESQL("NUMERIC");

    private final String decimalType;

    Dialect(String decimalType) {
        this.decimalType = decimalType;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:<file> or jdbc:postgresql://…): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    Map<String, String> placeholders() {
        return Map.of("decimal", decimalType);
    }

    /** SQLite gets the exact text; PostgreSQL a NUMERIC. Never a double. */
    void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, this == SQLITE ? Types.VARCHAR : Types.NUMERIC);
        } else if (this == SQLITE) {
            statement.setString(index, value.toPlainString());
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    BigDecimal getDecimal(ResultSet rows, String column) throws SQLException {
        if (this == SQLITE) {
            String text = rows.getString(column);
            return text == null ? null : new BigDecimal(text);
        }
        return rows.getBigDecimal(column);
    }
}
