package io.tradeguard.app.alerts;

public enum Severity {
    INFO, WARNING, CRITICAL
}
