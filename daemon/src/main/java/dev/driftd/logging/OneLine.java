package dev.driftd.logging;

/** Folds text onto one line: CR/LF become " | ", tabs a space. */
final class OneLine {
    private OneLine() {
    }

    static String of(String text) {
        if (text == null || (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0)) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", " | ").replace('\t', ' ');
    }
}
