#[cfg(feature = "semantics")]
use crate::q850::{Cause, Profile};
use crate::{StatusCode, StatusLine};

/// A value that becomes a SIP response: an application's error, usually.
///
/// Implement it by hand, or derive it with `#[derive(SipResponse)]` (feature
/// `macros`), which checks every code at compile time.
///
/// ```
/// use sip_codes::{SipResponse, StatusCode};
///
/// struct Overloaded;
///
/// impl SipResponse for Overloaded {
///     fn status(&self) -> StatusCode {
///         StatusCode::SERVICE_UNAVAILABLE
///     }
/// }
///
/// assert_eq!(Overloaded.status().as_u16(), 503);
/// assert_eq!(Overloaded.reason(), "Service Unavailable");
/// ```
///
/// # The derive
///
/// `#[sip(…)]` on each variant (or on the struct) takes a code, as
/// `sip_status!` does, and optionally `reason = "…"` (a phrase of its own)
/// and `q850 = …` (the Q.850 cause, as `q850!` takes it, instead of RFC
/// 3398's mapping of the code). `#[sip(transparent)]` forwards the response
/// of a variant's only field; on the enum, `#[sip(…)]` gives the variants
/// without one a default, and `crate = path` names a renamed `sip-codes`.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use sip_codes::SipResponse;
/// use sip_codes::q850::Cause;
///
/// #[derive(SipResponse)]
/// #[sip(500)]
/// enum GatewayError {
///     #[sip(BusyHere)]
///     Busy,
///     #[sip(503, reason = "No trunk", q850 = NoCircuitChannelAvailable)]
///     NoTrunk,
///     Unexpected,
/// }
///
/// assert_eq!(GatewayError::Busy.q850_cause(), Some(Cause::USER_BUSY));
/// assert_eq!(GatewayError::NoTrunk.reason(), "No trunk");
/// assert_eq!(GatewayError::NoTrunk.q850_cause(), Some(Cause::NO_CIRCUIT_CHANNEL_AVAILABLE));
/// assert_eq!(GatewayError::Unexpected.q850_cause(), Some(Cause::TEMPORARY_FAILURE));
/// # }
/// ```
pub trait SipResponse {
    /// The status code of the response.
    ///
    /// ```
    /// use sip_codes::{SipResponse, StatusCode};
    /// assert_eq!(StatusCode::DECLINE.status().as_u16(), 603);
    /// ```
    fn status(&self) -> StatusCode;

    /// The reason phrase to send. Defaults to the registered phrase of
    /// [`status`](SipResponse::status), or an empty phrase (which RFC 3261
    /// allows) for a code without one.
    ///
    /// ```
    /// use sip_codes::{SipResponse, StatusCode};
    /// assert_eq!(StatusCode::DECLINE.reason(), "Decline");
    /// assert_eq!(StatusCode::from_u16(499)?.reason(), "");
    /// # Ok::<(), sip_codes::InvalidStatusCode>(())
    /// ```
    fn reason(&self) -> &str {
        self.status().canonical_reason().unwrap_or("")
    }

    /// The Q.850 cause a gateway releases the ISDN or ISUP side of the call
    /// with when this response ends it, and what a `Reason: Q.850;cause=…`
    /// header on the response carries (RFC 6432). Defaults to RFC 3398's
    /// mapping of [`status`](SipResponse::status) ([`StatusCode::to_cause`]
    /// with [`Profile::Rfc3398`]); `#[derive(SipResponse)]` overrides it per
    /// variant with `q850 = …`.
    ///
    /// ```
    /// use sip_codes::q850::Cause;
    /// use sip_codes::{SipResponse, StatusCode};
    ///
    /// assert_eq!(StatusCode::BUSY_HERE.q850_cause(), Some(Cause::USER_BUSY));
    /// assert_eq!(StatusCode::REQUEST_TERMINATED.q850_cause(), None); // RFC 3398: no mapping
    /// ```
    #[cfg(feature = "semantics")]
    fn q850_cause(&self) -> Option<Cause> {
        self.status().to_cause(Profile::Rfc3398)
    }
}

impl<T: SipResponse + ?Sized> SipResponse for &T {
    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn reason(&self) -> &str {
        (**self).reason()
    }

    #[cfg(feature = "semantics")]
    fn q850_cause(&self) -> Option<Cause> {
        (**self).q850_cause()
    }
}

/// Boxed responses, such as `Box<dyn SipResponse>` in a `#[sip(transparent)]` variant.
///
/// ```
/// use sip_codes::{SipResponse, StatusCode};
///
/// let boxed: Box<dyn SipResponse> = Box::new(StatusCode::DECLINE);
/// assert_eq!(boxed.reason(), "Decline");
/// ```
#[cfg(feature = "std")]
impl<T: SipResponse + ?Sized> SipResponse for std::boxed::Box<T> {
    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn reason(&self) -> &str {
        (**self).reason()
    }

    #[cfg(feature = "semantics")]
    fn q850_cause(&self) -> Option<Cause> {
        (**self).q850_cause()
    }
}

/// A bare status code is a response with its registered phrase.
///
/// ```
/// use sip_codes::{SipResponse, StatusCode};
/// assert_eq!(StatusCode::BUSY_HERE.reason(), "Busy Here");
/// ```
impl SipResponse for StatusCode {
    fn status(&self) -> StatusCode {
        *self
    }
}

/// A status line is a response: its code, and its reason as sent.
///
/// ```
/// use sip_codes::{SipResponse, StatusCode, StatusLine};
/// let line = StatusLine::parse("SIP/2.0 480 Offline")?;
/// assert_eq!(line.status(), StatusCode::TEMPORARILY_UNAVAILABLE);
/// assert_eq!(SipResponse::reason(&line), "Offline");
/// # Ok::<(), sip_codes::InvalidStatusLine>(())
/// ```
impl SipResponse for StatusLine<'_> {
    fn status(&self) -> StatusCode {
        self.code()
    }

    fn reason(&self) -> &str {
        StatusLine::reason(self)
    }
}
