package com.watchparty.command;

import com.watchparty.api.error.RejectedException;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;

/**
 * The text the service accepts in any field, whichever way it came in. Text is stored by projections in PostgreSQL,
 * which refuses U+0000; it is sent to sockets and pages as UTF-8, which cannot encode half of a surrogate pair; and
 * control characters are no text a person reads (they reorder terminals and logs). A value breaking this rule would
 * be accepted here and refused later by a projection, stalling it for everyone: so it is refused at the command.
 */
public enum PlainText {

    /** Titles, names, URLs: no control character at all, so no line break either. */
    ONE_LINE,
    /** Chat and descriptions: line breaks ({@code \n}) and tabs are the only control characters allowed. */
    MULTI_LINE;

    /** Refuses {@code value} (a missing value is for the caller to judge) unless it is plain text of this kind. */
    public void require(String value, String field) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            // codePointAt returns a lone surrogate as it is: paired ones come back as one supplementary code point
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw new RejectedException(VALIDATION_FAILED,
                        field + " is not valid Unicode text: it has half of a surrogate pair", field);
            }
            if (Character.getType(codePoint) == Character.CONTROL && !allows(codePoint)) {
                throw new RejectedException(VALIDATION_FAILED,
                        field + " must be plain text: control character U+%04X is not allowed".formatted(codePoint),
                        field);
            }
            i += Character.charCount(codePoint);
        }
    }

    private boolean allows(int controlCharacter) {
        return this == MULTI_LINE && (controlCharacter == '\n' || controlCharacter == '\t');
    }
}
