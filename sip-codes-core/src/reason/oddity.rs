//! What is odd in a `Reason` value that parses: the grammar of RFC 3326 §2
//! allows it, the meaning the RFCs give the protocol does not.

use core::fmt;

use super::ReasonProtocol;
use crate::Reference;

/// Something a received [`Reason`](super::Reason) value may carry that its
/// grammar allows but that says less than it should, from
/// [`Reason::oddities`](super::Reason::oddities).
///
/// A value built to send has a cause its protocol defines: the constructors
/// refuse any other. Only [`Reason::with_location`](super::Reason::with_location)
/// on a protocol other than Q.850 builds an odd value.
///
/// ```
/// # extern crate sip_codes_core as sip_codes;
/// use sip_codes::{Reason, ReasonProtocol};
/// use sip_codes::reason::ReasonOddity;
///
/// let reason = Reason::parse("SIP;cause=800")?;
/// let oddity = ReasonOddity::UndefinedCause { protocol: ReasonProtocol::Sip, cause: 800 };
/// assert_eq!(reason.oddities().collect::<Vec<_>>(), [oddity]);
/// assert_eq!(
///     oddity.to_string(),
///     "the cause 800 is not a SIP status code: RFC 3326 §2 gives protocol SIP a status code, and \
///      RFC 3261 §7.2 puts only 100 to 699 on the wire; a receiver cannot tell what it means"
/// );
/// assert_eq!(Reason::parse("SIP;cause=487")?.oddities().count(), 0);
/// # Ok::<(), sip_codes::InvalidReason>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReasonOddity {
    /// No `cause` parameter (`SIP`, `SIP;text="x"`): `reason-value =
    /// protocol *(SEMI reason-params)` allows it, but RFC 3326 §2 defines
    /// each protocol by what its cause holds.
    MissingCause,
    /// A number that the registered protocol `SIP` or `Q.850` does not
    /// define as a cause: a `SIP` cause outside 100 to 699, a `Q.850` cause
    /// outside 1 to 127. `cause = 1*DIGIT` allows any number; the value's
    /// [`cause`](super::Reason::cause) is then [`ReasonCause::Other`](super::ReasonCause::Other).
    UndefinedCause {
        /// `SIP` or `Q.850`.
        protocol: ReasonProtocol,
        /// The number sent.
        cause: u32,
    },
    /// A `location` on a protocol other than `Q.850`: RFC 8606 §4 restricts
    /// it to Q.850 causes and has the receiver ignore it elsewhere.
    LocationWithoutQ850,
}

impl ReasonOddity {
    /// The section whose text makes the value odd.
    ///
    /// ```
    /// # extern crate sip_codes_core as sip_codes;
    /// use sip_codes::reason::ReasonOddity;
    /// assert_eq!(ReasonOddity::LocationWithoutQ850.reference().to_string(), "RFC 8606 §4");
    /// ```
    pub const fn reference(self) -> Reference {
        match self {
            ReasonOddity::MissingCause | ReasonOddity::UndefinedCause { .. } => {
                Reference { rfc: 3326, section: "2" }
            }
            ReasonOddity::LocationWithoutQ850 => Reference { rfc: 8606, section: "4" },
        }
    }
}

impl fmt::Display for ReasonOddity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReasonOddity::MissingCause => f.write_str(
                "the value has no cause: RFC 3326 §2's grammar allows that, but each protocol says \
                 what happened through its cause, so a receiver has only the protocol and any text",
            ),
            ReasonOddity::UndefinedCause { protocol: ReasonProtocol::Q850, cause } => write!(
                f,
                "the cause {cause} is not a Q.850 cause: RFC 3326 §2 gives protocol Q.850 an ITU-T \
                 Q.850 cause value, and those run from 1 to 127; a receiver cannot tell what it means"
            ),
            ReasonOddity::UndefinedCause { cause, .. } => write!(
                f,
                "the cause {cause} is not a SIP status code: RFC 3326 §2 gives protocol SIP a status \
                 code, and RFC 3261 §7.2 puts only 100 to 699 on the wire; a receiver cannot tell \
                 what it means"
            ),
            ReasonOddity::LocationWithoutQ850 => f.write_str(
                "the value has a location but its protocol is not Q.850: RFC 8606 §4 gives the \
                 location to Q.850 causes only, and a receiver ignores it elsewhere",
            ),
        }
    }
}
