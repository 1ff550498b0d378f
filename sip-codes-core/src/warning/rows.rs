//! The catalogue of Warning codes (warn-codes): the one place where a
//! warn-code is written.
//!
//! A row reads:
//!
//! ```text
//! code CONSTANT CamelName "registered warn-text" {
//!     meaning: "one line of ours, true to the defining RFC",
//!     rfc: NUMBER, section: "SECTION",
//! }
//! ```
//!
//! Sources: the IANA "Session Initiation Protocol (SIP) Parameters" registry,
//! table "Warning Codes (warn-codes)" (15 codes), and the RFCs it cites:
//! RFC 3261 §20.43 (the first twelve), RFC 5630 §9 (380, 381, registered there)
//! and RFC 8373 (308). The warn-text is the registry's, spelling and case
//! included; the name follows the same rule as the status catalogue
//! (`follows_name_rule`).

/// Calls `$callback! { prefix… rows… }` with every row of the warn-code
/// catalogue, sorted by code.
#[doc(hidden)]
#[macro_export]
macro_rules! warn_codes {
    ($callback:ident $($prefix:tt)*) => {
        $callback! {
            $($prefix)*
            300 INCOMPATIBLE_NETWORK_PROTOCOL IncompatibleNetworkProtocol "Incompatible network protocol" {
                meaning: "The session description names a network protocol that this end does not have.",
                rfc: 3261, section: "20.43",
            }
            301 INCOMPATIBLE_NETWORK_ADDRESS_FORMATS IncompatibleNetworkAddressFormats "Incompatible network address formats" {
                meaning: "The session description uses a network address format that this end does not support.",
                rfc: 3261, section: "20.43",
            }
            302 INCOMPATIBLE_TRANSPORT_PROTOCOL IncompatibleTransportProtocol "Incompatible transport protocol" {
                meaning: "The session description asks for a transport protocol that this end does not have.",
                rfc: 3261, section: "20.43",
            }
            303 INCOMPATIBLE_BANDWIDTH_UNITS IncompatibleBandwidthUnits "Incompatible bandwidth units" {
                meaning: "The session description gives bandwidth in a unit that this end does not understand.",
                rfc: 3261, section: "20.43",
            }
            304 MEDIA_TYPE_NOT_AVAILABLE MediaTypeNotAvailable "Media type not available" {
                meaning: "The session description offers a media type that is not available here.",
                rfc: 3261, section: "20.43",
            }
            305 INCOMPATIBLE_MEDIA_FORMAT IncompatibleMediaFormat "Incompatible media format" {
                meaning: "The session description offers a media format that is not available here.",
                rfc: 3261, section: "20.43",
            }
            306 ATTRIBUTE_NOT_UNDERSTOOD AttributeNotUnderstood "Attribute not understood" {
                meaning: "A media attribute of the session description is not supported here.",
                rfc: 3261, section: "20.43",
            }
            307 SESSION_DESCRIPTION_PARAMETER_NOT_UNDERSTOOD SessionDescriptionParameterNotUnderstood "Session description parameter not understood" {
                meaning: "A parameter of the session description other than those that 300 to 306 cover was not understood.",
                rfc: 3261, section: "20.43",
            }
            308 INCOMPATIBLE_LANGUAGE_SPECIFICATION IncompatibleLanguageSpecification "Incompatible language specification" {
                meaning: "None of the human languages the session description asks for is supported; the text may list those that are.",
                rfc: 8373, section: "5.3",
            }
            330 MULTICAST_NOT_AVAILABLE MulticastNotAvailable "Multicast not available" {
                meaning: "The site where the user is does not support multicast.",
                rfc: 3261, section: "20.43",
            }
            331 UNICAST_NOT_AVAILABLE UnicastNotAvailable "Unicast not available" {
                meaning: "The site where the user is does not support unicast, typically because of a firewall.",
                rfc: 3261, section: "20.43",
            }
            370 INSUFFICIENT_BANDWIDTH InsufficientBandwidth "Insufficient bandwidth" {
                meaning: "The bandwidth that the session description or its media need exceeds what is known to be available.",
                rfc: 3261, section: "20.43",
            }
            380 SIPS_NOT_ALLOWED SipsNotAllowed "SIPS Not Allowed" {
                meaning: "The UAS or proxy refuses the request because the SIPS scheme is not allowed, for example with no SIPS contact registered.",
                rfc: 5630, section: "9",
            }
            381 SIPS_REQUIRED SipsRequired "SIPS Required" {
                meaning: "The UAS or proxy refuses the request because it requires the SIPS scheme.",
                rfc: 5630, section: "9",
            }
            399 MISCELLANEOUS_WARNING MiscellaneousWarning "Miscellaneous warning" {
                meaning: "Free text for a person or a log; a receiver MUST NOT take any automated action on it.",
                rfc: 3261, section: "20.43",
            }
        }
    };
}
