package io.jhub.core.internal.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Details of the Javadoc-to-text rendering that the golden test of a whole hub does not reach. */
class HelpTextTest {
    @Test
    void preformattedCodeKeepsItsLinesAndAnAnnotationInsideIsNoBlockTag() {
        String doc = """
                Runs it.
                <pre>{@code
                  @Override
                  var x = run(1);
                }</pre>
                Then &#64;more &#x41; &unknown; text.
                @return {@linkplain String#valueOf(Object) the text}""";
        assertEquals("""
                String run()
                    Runs it.

                        @Override
                        var x = run(1);

                    Then @more A &unknown; text.

                    Returns:
                      the text""", HelpText.render("String run()", doc));
    }

    @Test
    void commentsWrittenWithoutMarginsLoseTheirIndentationAndUnknownTagsKeepTheirName() {
        String doc = "  Does   it.\n      Second line.\n  @custom value one\n  @since 1.2";
        assertEquals("""
                void it()
                    Does it.

                    Second line.

                    @custom:
                      value one
                    Since:
                      1.2""", HelpText.render("void it()", doc));
    }
}
