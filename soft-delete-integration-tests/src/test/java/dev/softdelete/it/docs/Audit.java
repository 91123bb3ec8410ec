package dev.softdelete.it.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@code audit} logger of the guide's listener sample: keeps what it was told, formatted as SLF4J would. */
public final class Audit {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void info(String pattern, Object... arguments) {
        StringBuilder line = new StringBuilder();
        int from = 0;
        for (Object argument : arguments) {
            int at = pattern.indexOf("{}", from);
            line.append(pattern, from, at).append(argument);
            from = at + 2;
        }
        lines.add(line.append(pattern.substring(from)).toString());
    }

    public List<String> lines() {
        return lines;
    }
}
