package io.tradeguard.sim.engine;

/** Orders at one price in time priority: an intrusive doubly linked list, O(1) append and removal. */
final class PriceLevel {
    final long price;
    Order head;
    Order tail;
    long totalQty;
    int count;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(Order o) {
        o.level = this;
        o.prev = tail;
        o.next = null;
        if (tail == null) {
            head = o;
        } else {
            tail.next = o;
        }
        tail = o;
        totalQty += o.remaining();
        count++;
    }

    void remove(Order o) {
        if (o.prev == null) {
            head = o.next;
        } else {
            o.prev.next = o.next;
        }
        if (o.next == null) {
            tail = o.prev;
        } else {
            o.next.prev = o.prev;
        }
        totalQty -= o.remaining();
        count--;
        o.level = null;
        o.prev = null;
        o.next = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
