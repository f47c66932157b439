package com.watchparty.command;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Objects;

/**
 * Hamcrest matchers for the fixture's {@code expectException(Matcher)}: a rule is identified by its stable
 * {@link ErrorCode} (and the request field at fault), not by the wording of its message.
 */
public final class RejectionMatchers {

    private RejectionMatchers() {
    }

    /** A {@link RejectedException} with this code, whatever the field. */
    public static Matcher<RejectedException> rejectedWith(ErrorCode code) {
        return new RejectionMatcher(code, false, null);
    }

    /** A {@link RejectedException} with this code, blaming this request field ({@code null} for none). */
    public static Matcher<RejectedException> rejectedWith(ErrorCode code, String field) {
        return new RejectionMatcher(code, true, field);
    }

    private static final class RejectionMatcher extends TypeSafeDiagnosingMatcher<RejectedException> {

        private final ErrorCode code;
        private final boolean checkField;
        private final String field;

        private RejectionMatcher(ErrorCode code, boolean checkField, String field) {
            this.code = code;
            this.checkField = checkField;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(RejectedException rejected, Description mismatch) {
            boolean matches = rejected.code() == code
                    && (!checkField || Objects.equals(rejected.rejection().field(), field));
            if (!matches) {
                mismatch.appendText("was rejected with ").appendValue(rejected.code())
                        .appendText(" on field ").appendValue(rejected.rejection().field())
                        .appendText(": ").appendValue(rejected.getMessage());
            }
            return matches;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a RejectedException with code ").appendValue(code);
            if (checkField) {
                description.appendText(" on field ").appendValue(field);
            }
        }
    }
}
