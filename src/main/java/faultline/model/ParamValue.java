package faultline.model;

/**
 * A parameter value as the logs print it, with the Python type its text implies:
 * {@code 7.5} is a float, {@code 1} an int, {@code 'unipc'} a str, {@code None} a NoneType.
 */
public record ParamValue(String text, String type) {

    public static ParamValue ofLiteral(String literal) {
        String t = literal == null ? "" : literal.trim();
        return new ParamValue(t, typeOf(t));
    }

    /** The Python type name a printed literal implies. */
    public static String typeOf(String t) {
        if (t.isEmpty()) {
            return "str";
        }
        if (t.equals("None") || t.equals("null")) {
            return "NoneType";
        }
        if (t.equals("True") || t.equals("False") || t.equals("true") || t.equals("false")) {
            return "bool";
        }
        if (t.matches("[+-]?\\d+")) {
            return "int";
        }
        if (t.matches("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?|[+-]?inf|nan")) {
            return "float";
        }
        if (t.startsWith("[")) {
            return "list";
        }
        if (t.startsWith("{") || t.startsWith("<dict")) {
            return "dict";
        }
        if (t.startsWith("(")) {
            return "tuple";
        }
        return "str";
    }

    /** True when a logged type name cannot describe this value (int for 7.5; float for 'abc'). */
    public boolean contradicts(String loggedType) {
        if (loggedType == null || loggedType.isEmpty() || type.equals(loggedType)) {
            return false;
        }
        // An int literal is a valid float value (Python prints 5.0 for floats, but JSON may print 5).
        if (loggedType.equals("float") && type.equals("int")) {
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
