//! The IANA "Reason Protocols" registry (Session Initiation Protocol (SIP)
//! Parameters, registry created by RFC 3326 §4): the one place where a
//! protocol token of the `Reason` header field is written.
//!
//! A row reads:
//!
//! ```text
//! "TOKEN" Name {
//!     cause: "what the cause value is, in our words",
//!     reference: "the registry's reference",
//! }
//! ```
//!
//! The 22 tokens, their order and references are the registry's. The cause
//! lines restate the registry's descriptions; where the registry describes a
//! 3GPP protocol by the subclause that lists its values, the reference names it.

/// Calls `$callback! { prefix… rows… }` with every row of the Reason
/// Protocols registry, in the registry's order.
#[doc(hidden)]
#[macro_export]
macro_rules! reason_protocols {
    ($callback:ident $($prefix:tt)*) => {
        $callback! {
            $($prefix)*
            "SIP" Sip {
                cause: "a SIP status code",
                reference: "RFC 3326 §2 (status codes: RFC 3261 §21)",
            }
            "Q.850" Q850 {
                cause: "an ITU-T Q.850 cause value, in decimal",
                reference: "RFC 3326 §2; in responses RFC 6432; location RFC 8606",
            }
            "Preemption" Preemption {
                cause: "a preemption cause value, in decimal",
                reference: "RFC 4411",
            }
            "EMM" Emm {
                cause: "an EPS mobility management (EMM) cause value, in decimal",
                reference: "3GPP TS 24.301 §9.9.3.9",
            }
            "ESM" Esm {
                cause: "an EPS session management (ESM) cause value, in decimal",
                reference: "3GPP TS 24.301 §9.9.4.4",
            }
            "S1AP-RNL" S1apRnl {
                cause: "an S1AP radio network layer cause value, in decimal",
                reference: "3GPP TS 36.413",
            }
            "S1AP-TL" S1apTl {
                cause: "an S1AP transport layer cause value, in decimal",
                reference: "3GPP TS 36.413 §9.2.1.3",
            }
            "S1AP-NAS" S1apNas {
                cause: "an S1AP non-access stratum cause value, in decimal",
                reference: "3GPP TS 36.413 §9.2.1.3",
            }
            "S1AP-MISC" S1apMisc {
                cause: "an S1AP miscellaneous cause value, in decimal",
                reference: "3GPP TS 36.413 §9.2.1.3",
            }
            "S1AP-PROT" S1apProt {
                cause: "an S1AP protocol cause value, in decimal",
                reference: "3GPP TS 36.413 §9.2.1.3",
            }
            "DIAMETER" Diameter {
                cause: "the cause of a protocol failure of GTP-C supporting WLAN: the received binary value, in decimal",
                reference: "3GPP TS 29.274 §8.103",
            }
            "IKEV2" Ikev2 {
                cause: "the cause of a protocol failure of IKEv2 supporting untrusted WLAN: the received binary value, in decimal",
                reference: "3GPP TS 29.274 §8.103",
            }
            "RELEASE_CAUSE" ReleaseCause {
                cause: "why a call was released: 1 user ends call, 2 RTP/RTCP time-out, 3 media bearer loss, 4 SIP timeout (no ACK), 5 SIP response time-out, 6 call-setup time-out, 7 redirection failure",
                reference: "3GPP TS 24.229",
            }
            "FAILURE_CAUSE" FailureCause {
                cause: "why resources failed: 1 media bearer or QoS lost, 2 release of signalling bearer, 3 failed resource allocation",
                reference: "3GPP TS 24.229",
            }
            "STIR" Stir {
                cause: "a STIR error code: one of the 43x response codes",
                reference: "RFC 8224",
            }
            "5GMM" FiveGmm {
                cause: "a 5GS mobility management (5GMM) cause value, in decimal",
                reference: "3GPP TS 24.501 §9.11.3.2",
            }
            "5GSM" FiveGsm {
                cause: "a 5GS session management (5GSM) cause value, in decimal",
                reference: "3GPP TS 24.501 §9.11.4.2",
            }
            "NGAP-RNL" NgapRnl {
                cause: "an NGAP radio network layer cause value, in decimal",
                reference: "3GPP TS 38.413 §9.3.1.2",
            }
            "NGAP-TL" NgapTl {
                cause: "an NGAP transport layer cause value, in decimal",
                reference: "3GPP TS 38.413 §9.3.1.2",
            }
            "NGAP-NAS" NgapNas {
                cause: "an NGAP non-access stratum cause value, in decimal",
                reference: "3GPP TS 38.413 §9.3.1.2",
            }
            "NGAP-MISC" NgapMisc {
                cause: "an NGAP miscellaneous cause value, in decimal",
                reference: "3GPP TS 38.413 §9.3.1.2",
            }
            "NGAP-PROT" NgapProt {
                cause: "an NGAP protocol cause value, in decimal",
                reference: "3GPP TS 38.413 §9.3.1.2",
            }
        }
    };
}

// Expands the rows into `ReasonProtocol` and its tables.
macro_rules! expand_reason_protocols {
    ($(
        $token:literal $name:ident {
            cause: $cause:literal,
            reference: $reference:literal,
        }
    )*) => {
        /// A protocol of the IANA Reason Protocols registry: what the `cause`
        /// of a [`Reason`](crate::Reason) value is a cause of.
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::ReasonProtocol;
        ///
        /// assert_eq!(ReasonProtocol::from_token("q.850"), Some(ReasonProtocol::Q850));
        /// assert_eq!(ReasonProtocol::Q850.token(), "Q.850");
        /// assert_eq!(ReasonProtocol::ALL.len(), 22);
        /// assert_eq!(ReasonProtocol::from_token("nSIP"), None);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ReasonProtocol {
            $(
                #[doc = concat!("`", $token, "`: the cause is ", $cause, " (", $reference, ").")]
                $name,
            )*
        }

        impl ReasonProtocol {
            /// Every registered protocol, in the registry's order.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            /// use sip_codes::ReasonProtocol;
            /// assert_eq!(ReasonProtocol::ALL[0], ReasonProtocol::Sip);
            /// assert!(ReasonProtocol::ALL.iter().all(|p| ReasonProtocol::from_token(p.token()) == Some(*p)));
            /// ```
            pub const ALL: &[ReasonProtocol] = &[$(ReasonProtocol::$name),*];

            /// The token as registered, such as `Q.850` or `S1AP-RNL`.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            /// assert_eq!(sip_codes::ReasonProtocol::FiveGmm.token(), "5GMM");
            /// ```
            pub const fn token(self) -> &'static str {
                match self {
                    $(ReasonProtocol::$name => $token,)*
                }
            }

            /// What the cause of this protocol is, from the registry.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            /// assert_eq!(sip_codes::ReasonProtocol::Sip.cause_meaning(), "a SIP status code");
            /// ```
            pub const fn cause_meaning(self) -> &'static str {
                match self {
                    $(ReasonProtocol::$name => $cause,)*
                }
            }

            /// Where the protocol and its causes are defined, as the registry cites it.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            /// assert_eq!(sip_codes::ReasonProtocol::Stir.reference(), "RFC 8224");
            /// ```
            pub const fn reference(self) -> &'static str {
                match self {
                    $(ReasonProtocol::$name => $reference,)*
                }
            }

            /// The protocol whose token is `token`, ignoring ASCII case: RFC
            /// 3261 §7.3.1 makes header field values case-insensitive unless
            /// their definition says otherwise, and RFC 3326 does not.
            ///
            /// ```
            /// # extern crate sip_codes_core as sip_codes;
            /// use sip_codes::ReasonProtocol;
            /// assert_eq!(ReasonProtocol::from_token("sip"), Some(ReasonProtocol::Sip));
            /// assert_eq!(ReasonProtocol::from_token("X-Vendor"), None);
            /// ```
            pub fn from_token(token: &str) -> Option<ReasonProtocol> {
                // SIP and Q.850 first: they are nearly all the traffic.
                ReasonProtocol::ALL.iter().copied().find(|protocol| protocol.token().eq_ignore_ascii_case(token))
            }
        }
    };
}

reason_protocols!(expand_reason_protocols);

/// `Q.850`: the registered token.
impl core::fmt::Display for ReasonProtocol {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.token())
    }
}
