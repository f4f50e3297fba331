package faultline.importer.merge;

import faultline.importer.time.Clock;

import java.nio.charset.StandardCharsets;

/**
 * Dramatiq writes a message as the call it stands for, {@code actor_name(args, kw=value)}, after the words of its
 * worker ({@code Received message render(…) with id '…'}, {@code Failed to process message render(…) with unhandled
 * exception.}, {@code Message render(…) was skipped.}). The actor is what the message runs: the unit's type. Its
 * arguments are the caller's values, not ids of units ({@code shard=3}, a user's UUID).
 */
final class ActorCall {
    private static final byte[][] BEFORE = {
            bytes("Received message "), bytes("Processed message "), bytes("Failed to process message "),
            bytes("Rate limit exceeded in message "), bytes("Message ")};

    private ActorCall() {
    }

    /**
     * Where the call after one of the worker's phrases at m ends (after its closing parenthesis), with the actor's
     * name in {@code name[0..1]}; -1 when the message starts with none or the call does not close on the line.
     */
    static int end(byte[] b, int m, int e, int[] name) {
        if (m >= e || (b[m] != 'R' && b[m] != 'P' && b[m] != 'F' && b[m] != 'M')) {
            return -1; // most lines are told apart by their first byte
        }
        for (byte[] w : BEFORE) {
            if (!UnitVocabulary.startsWith(b, m, e, w)) {
                continue;
            }
            int s = m + w.length;
            int t = s;
            while (t < e && t - s < 128 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '_')) {
                t++;
            }
            if (t == s || t >= e || b[t] != '(' || Clock.isDigit(b[s])) {
                return -1;
            }
            int close = closing(b, t, e);
            if (close < 0) {
                return -1;
            }
            name[0] = s;
            name[1] = t;
            return close + 1;
        }
        return -1;
    }

    /** The parenthesis that closes the one at open, past quoted strings and nested brackets; -1 if none on the line. */
    private static int closing(byte[] b, int open, int e) {
        int depth = 0;
        byte quote = 0;
        for (int i = open; i < e; i++) {
            byte c = b[i];
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return c == ')' ? i : -1;
                }
            }
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
