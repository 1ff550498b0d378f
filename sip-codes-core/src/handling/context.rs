//! When a header rule applies, as data: the method of the request a response
//! answers, the facts that must hold, and the codes a shared rule binds.

use core::fmt;

use crate::{Class, StatusCode};

/// The method of the request a response answers: the methods of RFC 3261
/// and of the extensions whose rules the handling rows cite.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Method;
/// assert_eq!(Method::from_name("SUBSCRIBE"), Some(Method::Subscribe));
/// assert_eq!(Method::from_name("subscribe"), None); // method names are case-sensitive
/// assert_eq!(Method::Publish.to_string(), "PUBLISH");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Method {
    /// INVITE (RFC 3261).
    Invite,
    /// ACK (RFC 3261).
    Ack,
    /// BYE (RFC 3261).
    Bye,
    /// CANCEL (RFC 3261).
    Cancel,
    /// REGISTER (RFC 3261).
    Register,
    /// OPTIONS (RFC 3261).
    Options,
    /// PRACK (RFC 3262).
    Prack,
    /// SUBSCRIBE (RFC 6665).
    Subscribe,
    /// NOTIFY (RFC 6665).
    Notify,
    /// PUBLISH (RFC 3903).
    Publish,
    /// INFO (RFC 6086).
    Info,
    /// REFER (RFC 3515).
    Refer,
    /// MESSAGE (RFC 3428).
    Message,
    /// UPDATE (RFC 3311).
    Update,
}

impl Method {
    /// Every method, in the order of the variants.
    pub const ALL: [Method; 14] = [
        Method::Invite,
        Method::Ack,
        Method::Bye,
        Method::Cancel,
        Method::Register,
        Method::Options,
        Method::Prack,
        Method::Subscribe,
        Method::Notify,
        Method::Publish,
        Method::Info,
        Method::Refer,
        Method::Message,
        Method::Update,
    ];

    /// The method's name as it is sent: `"INVITE"`.
    pub const fn name(self) -> &'static str {
        match self {
            Method::Invite => "INVITE",
            Method::Ack => "ACK",
            Method::Bye => "BYE",
            Method::Cancel => "CANCEL",
            Method::Register => "REGISTER",
            Method::Options => "OPTIONS",
            Method::Prack => "PRACK",
            Method::Subscribe => "SUBSCRIBE",
            Method::Notify => "NOTIFY",
            Method::Publish => "PUBLISH",
            Method::Info => "INFO",
            Method::Refer => "REFER",
            Method::Message => "MESSAGE",
            Method::Update => "UPDATE",
        }
    }

    /// The method named exactly `name` (RFC 3261 §7.1: names are
    /// case-sensitive); `None` for any other, an extension method included.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|method| method.name() == name)
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// A set of [`Method`]s: those whose responses a rule binds.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Method, Methods};
/// let dialog = Methods::of(Method::Invite).with(Method::Subscribe);
/// assert!(dialog.contains(Method::Subscribe) && !dialog.contains(Method::Bye));
/// assert!(Methods::ANY.contains(Method::Bye) && Methods::ANY.is_any());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Methods(u16);

impl Methods {
    /// Every method, extension methods included.
    pub const ANY: Methods = Methods(u16::MAX);

    /// Only `method`.
    pub const fn of(method: Method) -> Methods {
        Methods(method.bit())
    }

    /// This set and `method`.
    pub const fn with(self, method: Method) -> Methods {
        Methods(self.0 | method.bit())
    }

    /// Whether the set holds `method`.
    pub const fn contains(self, method: Method) -> bool {
        self.0 & method.bit() != 0
    }

    /// Whether the set is [`Methods::ANY`].
    pub const fn is_any(self) -> bool {
        self.0 == u16::MAX
    }

    /// The methods of the set, in the order of [`Method::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Method> {
        Method::ALL.into_iter().filter(move |method| self.contains(*method))
    }
}

/// Facts about a response, beyond its code and the method of its request,
/// that some rules need: a set of the constants below.
///
/// A rule that needs a fact binds a response only when the caller says the
/// fact holds; a caller that does not know leaves it out.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::Facts;
/// let facts = Facts::EARLY_DIALOG.with(Facts::RELIABLE);
/// assert!(facts.contains(Facts::RELIABLE) && !facts.contains(Facts::FROM_PROXY));
/// assert!(facts.contains(Facts::NONE));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Facts(u16);

impl Facts {
    /// No fact.
    pub const NONE: Facts = Facts(0);
    /// The response opens an early dialog: a 101–199 with a To tag in answer
    /// to INVITE (RFC 3261 §12.1).
    pub const EARLY_DIALOG: Facts = Facts(1);
    /// The provisional response is sent reliably (RFC 3262).
    pub const RELIABLE: Facts = Facts(1 << 1);
    /// A user agent server generated the response.
    pub const FROM_UAS: Facts = Facts(1 << 2);
    /// A proxy generated the response (rather than forwarding it).
    pub const FROM_PROXY: Facts = Facts(1 << 3);
    /// The request carried a Timestamp header field.
    pub const REQUEST_HAD_TIMESTAMP: Facts = Facts(1 << 4);
    /// The request carried Record-Route header fields.
    pub const REQUEST_HAD_RECORD_ROUTE: Facts = Facts(1 << 5);

    /// Every fact, with a stable token for programs and its name in words:
    /// for displays, serialisations and exhaustive tests.
    pub const ALL: [(Facts, &'static str, &'static str); 6] = [
        (Facts::EARLY_DIALOG, "early_dialog", "opens an early dialog"),
        (Facts::RELIABLE, "reliable", "sent reliably"),
        (Facts::FROM_UAS, "from_uas", "from a UAS"),
        (Facts::FROM_PROXY, "from_proxy", "from a proxy"),
        (Facts::REQUEST_HAD_TIMESTAMP, "request_had_timestamp", "the request had Timestamp"),
        (Facts::REQUEST_HAD_RECORD_ROUTE, "request_had_record_route", "the request had Record-Route"),
    ];

    /// These facts and `other`.
    pub const fn with(self, other: Facts) -> Facts {
        Facts(self.0 | other.0)
    }

    /// Whether every fact of `other` is among these.
    pub const fn contains(self, other: Facts) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether there is no fact.
    pub const fn is_none(self) -> bool {
        self.0 == 0
    }

    /// The names of the facts of the set, in the order of [`Facts::ALL`].
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Facts::ALL.into_iter().filter(move |(fact, _, _)| self.contains(*fact)).map(|(_, _, name)| name)
    }

    /// The stable tokens of the facts of the set (`"early_dialog"`), in the
    /// order of [`Facts::ALL`].
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::Facts;
    /// let facts = Facts::FROM_PROXY | Facts::RELIABLE;
    /// assert_eq!(facts.tokens().collect::<Vec<_>>(), ["reliable", "from_proxy"]);
    /// ```
    pub fn tokens(self) -> impl Iterator<Item = &'static str> {
        Facts::ALL.into_iter().filter(move |(fact, _, _)| self.contains(*fact)).map(|(_, token, _)| token)
    }
}

impl core::ops::BitOr for Facts {
    type Output = Facts;

    fn bitor(self, other: Facts) -> Facts {
        self.with(other)
    }
}

/// When a header rule binds a response, as data: the methods of the request
/// it answers and the facts that must hold.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Context, Facts, Method};
/// assert!(Context::ALWAYS.holds(Method::Bye, Facts::NONE));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Context {
    /// The methods whose responses the rule binds.
    pub methods: Methods,
    /// The facts that must hold.
    pub facts: Facts,
    /// Whether the rule's words add a condition no message shows ("if the
    /// condition is temporary", "unless the caller might misuse it"): a
    /// checker reports such a rule as advice, not as a fault.
    pub judged: bool,
}

impl Context {
    /// Every response of the code, with nothing to judge.
    pub const ALWAYS: Context = Context { methods: Methods::ANY, facts: Facts::NONE, judged: false };

    /// A context from its parts (the rows build theirs with this).
    pub const fn new(methods: Methods, facts: Facts, judged: bool) -> Context {
        Context { methods, facts, judged }
    }

    /// Whether the context holds for a response to a request with `method`
    /// when `facts` are known to hold.
    pub const fn holds(&self, method: Method, facts: Facts) -> bool {
        self.methods.contains(method) && facts.contains(self.facts)
    }
}

/// The codes a [shared rule](crate::SharedRule) binds.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Class, Codes, StatusCode};
/// let code = |code: u16| StatusCode::from_u16(code).unwrap();
/// assert!(Codes::Class(Class::Success).contains(code(204)));
/// assert!(!Codes::AllBut(422).contains(code(422)));
/// assert!(Codes::Range(101, 198).contains(code(183)) && !Codes::Range(101, 198).contains(code(199)));
/// assert_eq!(Codes::AllBut(422).to_string(), "every response but 422");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Codes {
    /// Every response.
    All,
    /// Every code of a class.
    Class(Class),
    /// The codes from the first to the last, both included.
    Range(u16, u16),
    /// Every response but the one code.
    AllBut(u16),
}

impl Codes {
    /// Whether `code` is in the set.
    pub const fn contains(self, code: StatusCode) -> bool {
        let code_class = code.class();
        match self {
            Codes::All => true,
            Codes::Class(class) => class as u8 == code_class as u8,
            Codes::Range(first, last) => first <= code.as_u16() && code.as_u16() <= last,
            Codes::AllBut(other) => other != code.as_u16(),
        }
    }
}

/// `every response`, `every 2xx`, `101 to 198`, `every response but 422`.
impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Codes::All => f.write_str("every response"),
            Codes::Class(class) => write!(f, "every {}xx", class.first_digit()),
            Codes::Range(first, last) => write!(f, "{first} to {last}"),
            Codes::AllBut(code) => write!(f, "every response but {code}"),
        }
    }
}
