//! The little Rust syntax the macros read, parsed from tokens by hand.
//!
//! `syn` would parse all of Rust; these macros read a literal, a path, an
//! attribute, and the outline of a type declaration (its name, generics,
//! variants and fields), and hand every other token back untouched. Doing
//! that here takes `syn` off the build: it is most of a proc-macro crate's
//! compile time, and every user of `sip-codes` pays it on a clean build
//! (BENCHMARKS.md). The names follow `syn`'s, so the code reads the same.
//!
//! The input of a derive has already been parsed by rustc, so the declaration
//! parser may assume valid Rust; it still returns an error, never panics, on
//! anything else.

use std::fmt::Display;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};

/// A compile error, or several, each spanned on the tokens at fault.
#[derive(Debug)]
pub(crate) struct Error {
    messages: Vec<(Span, Span, String)>,
}

impl Error {
    pub(crate) fn new(span: Span, message: impl Display) -> Error {
        Error { messages: vec![(span, span, message.to_string())] }
    }

    /// An error covering `tokens`, from the first to the last.
    pub(crate) fn new_spanned(tokens: impl ToTokens, message: impl Display) -> Error {
        let mut tokens = tokens.into_token_stream().into_iter();
        let start = tokens.next().map_or_else(Span::call_site, |token| token.span());
        let end = tokens.last().map_or(start, |token| token.span());
        Error { messages: vec![(start, end, message.to_string())] }
    }

    pub(crate) fn combine(&mut self, other: Error) {
        self.messages.extend(other.messages);
    }

    /// `::core::compile_error! { "…" }` for each message. The path carries
    /// the start span and the braces the end span, so that rustc underlines
    /// the whole range.
    pub(crate) fn to_compile_error(&self) -> TokenStream {
        let mut tokens = TokenStream::new();
        for (start, end, message) in &self.messages {
            let punct = |c, spacing| TokenTree::from(with_span(Punct::new(c, spacing), *start));
            tokens.extend([
                punct(':', Spacing::Joint),
                punct(':', Spacing::Alone),
                TokenTree::from(Ident::new("core", *start)),
                punct(':', Spacing::Joint),
                punct(':', Spacing::Alone),
                TokenTree::from(Ident::new("compile_error", *start)),
                punct('!', Spacing::Alone),
            ]);
            let mut literal = Literal::string(message);
            literal.set_span(*end);
            let mut group = Group::new(Delimiter::Brace, TokenTree::from(literal).into());
            group.set_span(*end);
            tokens.append(group);
        }
        tokens
    }
}

fn with_span(mut punct: Punct, span: Span) -> Punct {
    punct.set_span(span);
    punct
}

/// Adds `error` to the errors found so far.
pub(crate) fn push_error(errors: &mut Option<Error>, error: Error) {
    match errors {
        Some(all) => all.combine(error),
        None => *errors = Some(error),
    }
}

// ---------------------------------------------------------------------------
// Literals

/// A literal token, by kind.
pub(crate) enum Lit {
    Int(LitInt),
    Str(LitStr),
    Float(Span),
    /// A byte, byte string, C string or char literal, or a malformed string.
    Other(Span),
}

impl Lit {
    pub(crate) fn new(literal: Literal) -> Lit {
        let text = literal.to_string();
        let span = literal.span();
        let bytes = text.as_bytes();
        match bytes.first() {
            Some(b'"') | Some(b'r') => match unquote(&text) {
                Some(value) => Lit::Str(LitStr { value, span }),
                None => Lit::Other(span),
            },
            Some(b'0'..=b'9') => {
                let radix = matches!(bytes.get(..2), Some(b"0x" | b"0o" | b"0b"));
                let digits = 2 * radix as usize
                    + bytes[2 * radix as usize..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit() || **b == b'_' || (radix && b.is_ascii_hexdigit()))
                        .count();
                let suffix = &text[digits..];
                // `4.86e2`, `486.0`, `4e2` and `486f32` are floats to rustc.
                let exponent = !radix && matches!(suffix.as_bytes().first(), Some(b'e' | b'E'));
                if suffix.starts_with('.') || exponent || suffix == "f32" || suffix == "f64" {
                    Lit::Float(span)
                } else {
                    Lit::Int(LitInt { text, digits, span })
                }
            }
            _ => Lit::Other(span),
        }
    }
}

/// An integer literal: its digits as written, and its suffix.
pub(crate) struct LitInt {
    text: String,
    digits: usize,
    span: Span,
}

impl LitInt {
    /// The literal as written, suffix included.
    pub(crate) fn token(&self) -> &str {
        &self.text
    }

    pub(crate) fn suffix(&self) -> &str {
        &self.text[self.digits..]
    }

    pub(crate) fn span(&self) -> Span {
        self.span
    }
}

/// A string literal, unescaped.
#[derive(Clone)]
pub(crate) struct LitStr {
    value: String,
    span: Span,
}

impl LitStr {
    pub(crate) fn value(&self) -> String {
        self.value.clone()
    }

    pub(crate) fn span(&self) -> Span {
        self.span
    }

    /// Reads `tokens` as exactly one string literal.
    pub(crate) fn parse(tokens: &TokenStream) -> Option<LitStr> {
        let mut tokens = tokens.clone().into_iter();
        match (tokens.next().map(ungroup), tokens.next()) {
            (Some(TokenTree::Literal(literal)), None) => match Lit::new(literal) {
                Lit::Str(text) => Some(text),
                _ => None,
            },
            _ => None,
        }
    }
}

impl ToTokens for LitStr {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let mut literal = Literal::string(&self.value);
        literal.set_span(self.span);
        tokens.append(literal);
    }
}

/// What a `macro_rules!` caller passes as `$x:expr` or `$x:literal` arrives
/// wrapped in an invisible group: the token inside.
pub(crate) fn ungroup(token: TokenTree) -> TokenTree {
    match token {
        TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
            let mut inner = group.stream().into_iter();
            match (inner.next(), inner.next()) {
                (Some(only), None) => ungroup(only),
                _ => TokenTree::Group(group),
            }
        }
        token => token,
    }
}

/// The value of a string literal as written (`"…"`, `r"…"`, `r#"…"#`), or
/// `None` for anything else, such as a string with a suffix.
fn unquote(text: &str) -> Option<String> {
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let body = body.strip_suffix(&raw[..hashes])?;
        return body.strip_suffix('"').map(str::to_owned);
    }
    let body = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut value = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        match chars.next()? {
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            't' => value.push('\t'),
            '0' => value.push('\0'),
            c @ ('\\' | '\'' | '"') => value.push(c),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                value.push(char::from(u8::from_str_radix(&hex, 16).ok().filter(u8::is_ascii)?));
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let end = rest.find('}')?;
                let code = u32::from_str_radix(&rest[..end].replace('_', ""), 16).ok()?;
                value.push(char::from_u32(code)?);
                chars = rest[end + 1..].chars();
            }
            // A line continuation: the newline and the whitespace after it vanish.
            '\n' => chars = chars.as_str().trim_start().chars(),
            _ => return None,
        }
    }
    Some(value)
}

// ---------------------------------------------------------------------------
// Paths and attributes

/// Whether `tokens` spell a path such as `sip_codes` or `::my::sip_codes`.
pub(crate) fn is_path(tokens: &TokenStream) -> bool {
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().map(ungroup).collect();
    let mut rest = tokens.as_slice();
    let mut want_ident = true;
    if let [TokenTree::Punct(a), TokenTree::Punct(b), tail @ ..] = rest
        && a.as_char() == ':'
        && b.as_char() == ':'
    {
        rest = tail;
    }
    while let Some((first, tail)) = rest.split_first() {
        match (first, want_ident, tail) {
            (TokenTree::Ident(_), true, _) => rest = tail,
            (TokenTree::Punct(a), false, [TokenTree::Punct(b), tail @ ..])
                if a.as_char() == ':' && b.as_char() == ':' =>
            {
                rest = tail
            }
            _ => return false,
        }
        want_ident = !want_ident;
    }
    !want_ident
}

/// An outer attribute, `#[path …]`.
pub(crate) struct Attribute {
    /// The whole attribute, for errors about it.
    tokens: TokenStream,
    /// The tokens inside the brackets.
    body: Vec<TokenTree>,
}

impl Attribute {
    /// Whether the attribute's path is the single identifier `name`.
    pub(crate) fn is(&self, name: &str) -> bool {
        matches!(self.body.first(), Some(TokenTree::Ident(ident)) if ident == name)
            && !matches!(self.body.get(1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
    }

    /// The tokens in the parentheses of `#[name(…)]`, if it has that form.
    pub(crate) fn list(&self) -> Option<TokenStream> {
        match self.body.as_slice() {
            [_, TokenTree::Group(group)] if group.delimiter() == Delimiter::Parenthesis => {
                Some(group.stream())
            }
            _ => None,
        }
    }
}

impl ToTokens for Attribute {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.tokens.clone());
    }
}

// ---------------------------------------------------------------------------
// Type declarations

/// A `struct`, `enum` or `union` declaration, as a derive receives it.
pub(crate) struct DeriveInput {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub generics: Generics,
    pub data: Data,
}

pub(crate) enum Data {
    Struct(Fields),
    Enum(Vec<Variant>),
    /// The span of the `union` keyword.
    Union(Span),
}

pub(crate) struct Variant {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub fields: Fields,
}

pub(crate) enum Fields {
    Named(Vec<Field>),
    Unnamed(Vec<Field>),
    Unit,
}

impl Fields {
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Field> {
        match self {
            Fields::Named(fields) | Fields::Unnamed(fields) => fields.iter(),
            Fields::Unit => [].iter(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.iter().len()
    }
}

pub(crate) struct Field {
    /// The field's name, or `None` in a tuple.
    pub ident: Option<Ident>,
    pub ty: TokenStream,
}

/// A declaration's generic parameters and where clause.
#[derive(Default)]
pub(crate) struct Generics {
    /// Each parameter as declared, default removed: `T: Clone`, `'a`, `const N: usize`.
    params: Vec<TokenStream>,
    /// Each parameter's name as the type uses it: `T`, `'a`, `N`.
    args: Vec<TokenStream>,
    /// The type parameters' names, to tell whether a field type mentions one.
    pub type_params: Vec<Ident>,
    pub predicates: Vec<TokenStream>,
}

impl Generics {
    /// `<T: Clone, 'a>` for `impl …`, empty without parameters.
    pub(crate) fn impl_generics(&self) -> TokenStream {
        angle(&self.params)
    }

    /// `<T, 'a>` after the type's name, empty without parameters.
    pub(crate) fn type_generics(&self) -> TokenStream {
        angle(&self.args)
    }

    /// `where …` with the declaration's predicates and `extra`, or nothing.
    pub(crate) fn where_clause(&self, extra: &[TokenStream]) -> TokenStream {
        let predicates: Vec<&TokenStream> = self.predicates.iter().chain(extra).collect();
        if predicates.is_empty() {
            return TokenStream::new();
        }
        quote::quote!(where #(#predicates,)*)
    }
}

fn angle(items: &[TokenStream]) -> TokenStream {
    if items.is_empty() { TokenStream::new() } else { quote::quote!(<#(#items),*>) }
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Splits `tokens` at the commas outside angle brackets. An `->` is not a
/// closing bracket; after a top-level `=` (a discriminant or a default) the
/// tokens are an expression, where `<` compares, so brackets are not counted.
fn split_commas(tokens: &[TokenTree]) -> Vec<&[TokenTree]> {
    let mut pieces = Vec::new();
    let (mut start, mut depth, mut expression) = (0, 0usize, false);
    for (i, token) in tokens.iter().enumerate() {
        let TokenTree::Punct(punct) = token else { continue };
        let after_minus = i > 0 && is_punct(tokens.get(i - 1), '-');
        match punct.as_char() {
            ',' if depth == 0 => {
                pieces.push(&tokens[start..i]);
                (start, expression) = (i + 1, false);
            }
            '=' if depth == 0 => expression = true,
            '<' if !expression => depth += 1,
            '>' if !expression && !after_minus => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if start < tokens.len() {
        pieces.push(&tokens[start..]);
    }
    pieces
}

/// A generic parameter without its default: the tokens before the `=` that
/// stands outside angle brackets (`Item = u8` inside them is a binding).
fn split_at_default(param: &[TokenTree]) -> TokenStream {
    let mut depth = 0usize;
    let mut end = param.len();
    for (i, token) in param.iter().enumerate() {
        let TokenTree::Punct(punct) = token else { continue };
        match punct.as_char() {
            '<' => depth += 1,
            '>' if !(i > 0 && is_punct(param.get(i - 1), '-')) => depth = depth.saturating_sub(1),
            '=' if depth == 0 => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    param[..end].iter().cloned().collect()
}

/// A cursor over a declaration's tokens.
struct Cursor {
    tokens: Vec<TokenTree>,
    at: usize,
}

impl Cursor {
    fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn span(&self) -> Span {
        self.peek().map_or_else(Span::call_site, TokenTree::span)
    }

    fn error(&self, expected: &str) -> Error {
        Error::new(self.span(), format!("expected {expected}"))
    }

    /// Outer attributes: `#` and a bracketed group, repeated.
    fn attributes(&mut self) -> Vec<Attribute> {
        let mut attrs = Vec::new();
        while is_punct(self.peek(), '#') {
            match self.tokens.get(self.at + 1) {
                Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
                    let tokens = self.tokens[self.at..self.at + 2].iter().cloned().collect();
                    attrs.push(Attribute { tokens, body: group.stream().into_iter().collect() });
                    self.at += 2;
                }
                _ => break,
            }
        }
        attrs
    }

    /// `pub`, `pub(crate)`, `pub(in path)`, or nothing.
    fn visibility(&mut self) {
        if matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident == "pub") {
            self.at += 1;
            if matches!(self.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis) {
                self.at += 1;
            }
        }
    }

    fn ident(&mut self, expected: &str) -> Result<Ident, Error> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) => {
                let ident = ident.clone();
                self.at += 1;
                Ok(ident)
            }
            _ => Err(self.error(expected)),
        }
    }

    /// `<…>` after the type's name, if there is one.
    fn generics(&mut self) -> Result<Generics, Error> {
        let mut generics = Generics::default();
        if !is_punct(self.peek(), '<') {
            return Ok(generics);
        }
        let open = self.at;
        let mut depth = 0;
        loop {
            let after_minus = is_punct(self.tokens.get(self.at.wrapping_sub(1)), '-');
            match self.next() {
                Some(TokenTree::Punct(p)) if p.as_char() == '<' => depth += 1,
                Some(TokenTree::Punct(p)) if p.as_char() == '>' && !after_minus => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Some(_) => {}
                None => return Err(Error::new(self.tokens[open].span(), "unclosed `<` in the generics")),
            }
        }
        let inside = &self.tokens[open + 1..self.at - 1];
        for param in split_commas(inside) {
            // A parameter's own attributes (`#[cfg]`) are kept with it.
            let mut start = 0;
            while is_punct(param.get(start), '#') {
                start += 2;
            }
            let Some(first) = param.get(start) else { continue };
            // The default, after a top-level `=`, has no place in an impl.
            let declared = split_at_default(param);
            let arg: TokenStream = match first {
                TokenTree::Punct(quote) if quote.as_char() == '\'' => {
                    param[start..start + 2].iter().cloned().collect()
                }
                TokenTree::Ident(keyword) if keyword == "const" => match param.get(start + 1) {
                    Some(name) => name.clone().into(),
                    None => return Err(Error::new(keyword.span(), "expected a const parameter's name")),
                },
                TokenTree::Ident(name) => {
                    generics.type_params.push(name.clone());
                    first.clone().into()
                }
                other => return Err(Error::new(other.span(), "expected a generic parameter")),
            };
            generics.params.push(declared);
            generics.args.push(arg);
        }
        Ok(generics)
    }

    /// `where …` up to (not including) `{` or `;`, if there is one.
    fn where_clause(&mut self, generics: &mut Generics) {
        if !matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident == "where") {
            return;
        }
        self.at += 1;
        let start = self.at;
        while let Some(token) = self.peek() {
            match token {
                TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => break,
                TokenTree::Punct(p) if p.as_char() == ';' => break,
                _ => self.at += 1,
            }
        }
        let predicates = split_commas(&self.tokens[start..self.at]);
        generics.predicates = predicates.into_iter().map(|p| p.iter().cloned().collect()).collect();
    }
}

/// The fields inside `{…}` (named) or `(…)` (a tuple).
fn fields(group: &Group) -> Result<Fields, Error> {
    let tokens: Vec<TokenTree> = group.stream().into_iter().collect();
    let named = group.delimiter() == Delimiter::Brace;
    let mut fields = Vec::new();
    for piece in split_commas(&tokens) {
        let mut cursor = Cursor { tokens: piece.to_vec(), at: 0 };
        cursor.attributes();
        cursor.visibility();
        let ident = if named {
            let ident = cursor.ident("a field name")?;
            if !is_punct(cursor.next().as_ref(), ':') {
                return Err(Error::new(ident.span(), "expected `:` after the field name"));
            }
            Some(ident)
        } else {
            None
        };
        let ty: TokenStream = cursor.tokens[cursor.at..].iter().cloned().collect();
        if ty.is_empty() {
            return Err(Error::new(group.span(), "expected a field type"));
        }
        fields.push(Field { ident, ty });
    }
    Ok(if named { Fields::Named(fields) } else { Fields::Unnamed(fields) })
}

impl DeriveInput {
    pub(crate) fn parse(tokens: TokenStream) -> Result<DeriveInput, Error> {
        let mut cursor = Cursor { tokens: tokens.into_iter().collect(), at: 0 };
        let attrs = cursor.attributes();
        cursor.visibility();
        let keyword = cursor.ident("`struct`, `enum` or `union`")?;
        let ident = cursor.ident("the type's name")?;
        let mut generics = cursor.generics()?;
        let data = match keyword.to_string().as_str() {
            "union" => Data::Union(keyword.span()),
            "enum" => {
                cursor.where_clause(&mut generics);
                let Some(TokenTree::Group(body)) = cursor.next() else {
                    return Err(Error::new(ident.span(), "expected the enum's variants in braces"));
                };
                let tokens: Vec<TokenTree> = body.stream().into_iter().collect();
                let mut variants = Vec::new();
                for piece in split_commas(&tokens) {
                    let mut cursor = Cursor { tokens: piece.to_vec(), at: 0 };
                    let attrs = cursor.attributes();
                    let ident = cursor.ident("a variant name")?;
                    let fields = match cursor.peek() {
                        Some(TokenTree::Group(group)) if group.delimiter() != Delimiter::None => {
                            fields(group)?
                        }
                        _ => Fields::Unit,
                    };
                    variants.push(Variant { attrs, ident, fields });
                }
                Data::Enum(variants)
            }
            "struct" => {
                // A tuple struct's where clause follows its fields.
                let fields = match cursor.peek() {
                    Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                        let group = group.clone();
                        cursor.at += 1;
                        cursor.where_clause(&mut generics);
                        fields(&group)?
                    }
                    _ => {
                        cursor.where_clause(&mut generics);
                        match cursor.peek() {
                            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                                fields(group)?
                            }
                            _ => Fields::Unit,
                        }
                    }
                };
                Data::Struct(fields)
            }
            _ => return Err(Error::new(keyword.span(), "expected `struct`, `enum` or `union`")),
        };
        Ok(DeriveInput { attrs, ident, generics, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str) -> Lit {
        match text.parse::<TokenStream>().unwrap().into_iter().next() {
            Some(TokenTree::Literal(literal)) => Lit::new(literal),
            other => panic!("{text} is not a literal: {other:?}"),
        }
    }

    #[test]
    fn literals_are_told_apart_as_rustc_does() {
        for int in ["486", "486u16", "4_86", "0486", "0x1E6", "0x1E6u8", "0b1", "486usize"] {
            assert!(matches!(lit(int), Lit::Int(_)), "{int}");
        }
        for float in ["486.0", "4.86e2", "4e2", "486f32", "1E3"] {
            assert!(matches!(lit(float), Lit::Float(_)), "{float}");
        }
        for other in ["b\"486\"", "'4'", "c\"486\"", "b'4'", "br\"x\""] {
            assert!(matches!(lit(other), Lit::Other(_)), "{other}");
        }
        let Lit::Int(int) = lit("486u16") else { unreachable!() };
        assert_eq!((int.token(), int.suffix()), ("486u16", "u16"));
    }

    #[test]
    fn strings_are_unescaped() {
        let cases = [
            (r#""Busy Here""#, "Busy Here"),
            (r#""a\tb\n\"c\"\\""#, "a\tb\n\"c\"\\"),
            (r#""\x41\u{1F600}\u{00_41}""#, "A😀A"),
            ("\"a\\\n    b\"", "ab"),
            (r###"r#"raw "quoted""#"###, "raw \"quoted\""),
            (r#"r"raw\n""#, "raw\\n"),
        ];
        for (text, value) in cases {
            let Lit::Str(string) = lit(text) else { panic!("{text}") };
            assert_eq!(string.value(), value);
        }
    }

    #[test]
    fn paths_are_idents_joined_by_double_colons() {
        for path in ["sip_codes", "::sip_codes", "my::sip_codes", "::a::b::c"] {
            assert!(is_path(&path.parse().unwrap()), "{path}");
        }
        for not_path in ["\"sip_codes\"", "a::", "::", "a:b", "a::::b", "a b", ""] {
            assert!(!is_path(&not_path.parse().unwrap()), "{not_path}");
        }
    }

    #[test]
    fn declarations_give_their_outline() {
        let input: TokenStream = "
            /// Docs.
            #[derive(Debug)] #[sip(500)]
            pub(crate) enum E<'a, T: Iterator<Item = u8> + 'a, F: Fn(u8) -> u8, const N: usize = 3>
            where T: Clone, F: Copy
            {
                #[sip(486)] Busy,
                Io { inner: std::collections::HashMap<u8, Vec<T>>, f: F },
                Tuple(#[doc = \"x\"] pub Box<dyn Fn(u8) -> u8 + 'a>, [u8; N]),
                Discriminant = 1 << 2,
            }"
        .parse()
        .unwrap();
        let input = DeriveInput::parse(input).unwrap();
        assert_eq!(input.ident, "E");
        assert_eq!(input.attrs.iter().filter(|attr| attr.is("sip")).count(), 1);
        let generics = &input.generics;
        assert_eq!(
            generics.impl_generics().to_string(),
            "< 'a , T : Iterator < Item = u8 > + 'a , F : Fn (u8) -> u8 , const N : usize >"
        );
        assert_eq!(generics.type_generics().to_string(), "< 'a , T , F , N >");
        assert_eq!(generics.where_clause(&[]).to_string(), "where T : Clone , F : Copy ,");
        assert_eq!(generics.type_params, ["T", "F"]);
        let Data::Enum(variants) = &input.data else { panic!() };
        let shape: Vec<(String, usize)> =
            variants.iter().map(|v| (v.ident.to_string(), v.fields.len())).collect();
        assert_eq!(
            shape,
            [("Busy".into(), 0), ("Io".into(), 2), ("Tuple".into(), 2), ("Discriminant".into(), 0)]
        );
        assert_eq!(
            variants[1].fields.iter().next().unwrap().ty.to_string(),
            "std :: collections :: HashMap < u8 , Vec < T >>"
        );
        assert!(matches!(variants[0].fields, Fields::Unit));
    }

    #[test]
    fn structs_of_every_shape() {
        for (text, fields) in [
            ("struct S;", 0),
            ("struct S<T>(T) where T: Copy;", 1),
            ("pub struct S { a: u8, pub(crate) b: (u8, u16) }", 2),
            ("struct S<T> where T: Copy { a: T }", 1),
        ] {
            let input = DeriveInput::parse(text.parse().unwrap()).unwrap();
            let Data::Struct(parsed) = &input.data else { panic!("{text}") };
            assert_eq!(parsed.len(), fields, "{text}");
        }
        let union = DeriveInput::parse("union U { a: u8 }".parse().unwrap()).unwrap();
        assert!(matches!(union.data, Data::Union(_)));
    }
}
