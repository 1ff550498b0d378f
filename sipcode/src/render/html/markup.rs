//! [`Html`]: a page under construction whose only way to add text escapes it.
//!
//! Markup goes in through [`Html::raw`], which takes `&'static str` only:
//! markup written in this crate, never a string built at run time. Text and
//! attribute values go in through [`Html::text`] and [`Html::attr`], which
//! escape `& < > " '`. `Html` does not implement `fmt::Write`, so
//! `write!(page, "{x}")` does not compile: there is no third way in.

use std::fmt::{self, Display, Write as _};

/// A page, or a part of one, being written.
#[derive(Default)]
pub struct Html {
    page: String,
    /// How many `<` came in through [`Html::raw`]: with escaping right, the
    /// page holds exactly these (the fuzz target checks it).
    raw_tags: usize,
}

impl Html {
    /// An empty page, with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Html {
        Html { page: String::with_capacity(capacity), raw_tags: 0 }
    }

    /// Markup, as written in this crate.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.raw_tags += markup.matches('<').count();
        self.page.push_str(markup);
        self
    }

    /// Text, escaped: safe in element content and in a quoted attribute value alike.
    pub fn text(&mut self, text: impl Display) -> &mut Html {
        // Writing into a String cannot fail.
        let _ = write!(Escaper(&mut self.page), "{text}");
        self
    }

    /// ` name="value"`, the value escaped. No event handler and no `style`:
    /// the page's CSP allows neither, so one would be a bug.
    pub fn attr(&mut self, name: &'static str, value: impl Display) -> &mut Html {
        debug_assert!(!name.starts_with("on") && name != "style", "{name} is not allowed by the page's CSP");
        self.page.push(' ');
        self.page.push_str(name);
        self.page.push_str("=\"");
        self.text(value);
        self.page.push('"');
        self
    }

    /// How many `<` the markup put in.
    pub fn raw_tags(&self) -> usize {
        self.raw_tags
    }

    /// The page.
    pub fn finish(self) -> String {
        self.page
    }
}

/// Escapes what is written through it into the page.
struct Escaper<'a>(&'a mut String);

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, mut rest: &str) -> fmt::Result {
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            self.0.push_str(&rest[..at]);
            self.0.push_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            });
            rest = &rest[at + 1..];
        }
        self.0.push_str(rest);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Html;

    fn text(text: &str) -> String {
        let mut html = Html::default();
        html.text(text);
        html.finish()
    }

    #[test]
    fn text_leaves_no_markup() {
        assert_eq!(
            text(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(text("&amp;"), "&amp;amp;");
        assert_eq!(text("Busy Here — §21.4.24"), "Busy Here — §21.4.24");
        assert_eq!(text(""), "");
        // Every character that could open markup or end an attribute is replaced, wherever it is.
        for special in ['&', '<', '>', '"', '\''] {
            for input in
                [format!("{special}"), format!("a{special}b{special}"), format!("{special}{special}")]
            {
                let escaped = text(&input);
                assert!(!escaped.contains(['<', '>', '"', '\'']), "{input:?} gave {escaped:?}");
                assert_eq!(escaped.matches('&').count(), input.matches(special).count(), "{input:?}");
            }
        }
    }

    #[test]
    fn attributes_are_quoted_and_escaped_and_raw_tags_counted() {
        let mut html = Html::default();
        html.raw("<a").attr("href", "\"><script>").attr("title", 486).raw(">").text("<b>").raw("</a>");
        assert_eq!(html.raw_tags(), 2);
        assert_eq!(html.finish(), "<a href=\"&quot;&gt;&lt;script&gt;\" title=\"486\">&lt;b&gt;</a>");
    }
}
