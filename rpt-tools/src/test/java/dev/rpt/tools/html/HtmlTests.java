package dev.rpt.tools.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {

    @Test
    void escapesEachOfTheFiveCharacters() {
        assertThat(Html.escape("&")).isEqualTo("&amp;");
        assertThat(Html.escape("<")).isEqualTo("&lt;");
        assertThat(Html.escape(">")).isEqualTo("&gt;");
        assertThat(Html.escape("\"")).isEqualTo("&quot;");
        assertThat(Html.escape("'")).isEqualTo("&#39;");
    }

    @Test
    void escapesAScriptAndAnAttributeBreakout() {
        assertThat(Html.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.escape("\" onmouseover=\"alert(1)")).isEqualTo("&quot; onmouseover=&quot;alert(1)");
    }

    @Test
    void escapesAnAmpersandOnceSoThatReferencesInTheTextStayVisible() {
        assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void leavesOtherTextAloneIncludingNonAscii() {
        assertThat(Html.escape("Zürich: 3 × 4 = 12 ✓ 🙂")).isEqualTo("Zürich: 3 × 4 = 12 ✓ 🙂");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void cutsBeforeEscapingSoThatNoReferenceIsSplit() {
        assertThat(Html.escape("a<b>c", 2)).isEqualTo("a&lt;…");
        assertThat(Html.escape("a<b>c", 5)).isEqualTo("a&lt;b&gt;c");
    }

    @Test
    void neverSplitsASurrogatePair() {
        assertThat(Html.escape("ab🙂cd", 3)).isEqualTo("ab…");
    }
}
