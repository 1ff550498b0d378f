//! The catalogue of SIP response codes: the one place where a code is written.
//!
//! This crate expands the rows into the `StatusCode` constants and the
//! `CATALOGUE` table; `sip-codes-macros` validates against that table, and
//! `sip-codes` expands the rows again, through the exported `catalogue!`, into
//! the rules of its `sip_status!` front.
//!
//! A row reads:
//!
//! ```text
//! code CONSTANT CamelName "Registered Phrase" {
//!     meaning: "one line of ours, true to the defining RFC",
//!     rfc: NUMBER, section: "SECTION",  (optional: absent when no RFC defines it)
//!     deprecated: "why",             (optional: the IANA registry says so)
//!     non_standard: "where from",    (optional: not in the registry)
//!     aliases: ["Other Spelling", …],
//! }
//! ```
//!
//! Sources: the IANA "Session Initiation Protocol (SIP) Parameters" registry,
//! table "Response Codes", and the RFCs it cites. The section is the one that
//! says what the code means; where an RFC has none of its own (199), it is the
//! registration. The registry lists 202 as "Accepted (Deprecated)": "Accepted" is
//! the phrase RFC 3265 and RFC 3515 (REFER) sent; RFC 6665 §8.3.1 no longer
//! specifies its use and has a receiver treat it as 200. A code that no RFC
//! defines (701) has no `rfc:` and `section:`; its `non_standard:` names what
//! defines it. Names follow `rules::follows_name_rule`; the one exception is 606,
//! named `NotAcceptableAnywhere` so that it does not collide with 406. An alias is
//! a spelling a source really sends or prints; the comment above it names that
//! source (older RFCs, stacks, the operators' manual of 2015 whose codes and
//! phrases sip-codes-testdata/data/manual-codes.tsv lists).

/// Calls `$callback! { prefix… rows… }` with every row of the catalogue,
/// sorted by code. The optional prefix tokens go first: a callback that
/// defines a `macro_rules!` of its own needs a `$` passed in this way.
#[doc(hidden)]
#[macro_export]
macro_rules! catalogue {
    ($callback:ident $($prefix:tt)*) => {
        $callback! {
            $($prefix)*
            100 TRYING Trying "Trying" {
                meaning: "The next hop has received the request and is acting on it; like every 1xx it stops INVITE retransmissions, and a stateful proxy never forwards it.",
                rfc: 3261, section: "21.1.1",
                aliases: [],
            }
            180 RINGING Ringing "Ringing" {
                meaning: "The user agent that received the INVITE is trying to alert its user; the caller may play ringback locally.",
                rfc: 3261, section: "21.1.2",
                aliases: [],
            }
            181 CALL_IS_BEING_FORWARDED CallIsBeingForwarded "Call Is Being Forwarded" {
                meaning: "A server is forwarding the call to a different set of destinations.",
                rfc: 3261, section: "21.1.3",
                aliases: [],
            }
            182 QUEUED Queued "Queued" {
                meaning: "The callee is temporarily unavailable, and the server has queued the call instead of rejecting it; the final response follows when the callee is free.",
                rfc: 3261, section: "21.1.4",
                aliases: [],
            }
            183 SESSION_PROGRESS SessionProgress "Session Progress" {
                meaning: "Progress information not otherwise classified, often with a session description for early media.",
                rfc: 3261, section: "21.1.5",
                // "Session in Progress": Cisco IOS SIP configuration guides; "Progress": kamailio-config-tests and pjproject's sipp scripts.
                aliases: ["Session in Progress", "Progress"],
            }
            199 EARLY_DIALOG_TERMINATED EarlyDialogTerminated "Early Dialog Terminated" {
                meaning: "An early dialog has been terminated before the final response, by the UAS or by a forking proxy.",
                rfc: 6228, section: "11.1",
                aliases: [],
            }
            200 OK Ok "OK" {
                meaning: "The request has succeeded.",
                rfc: 3261, section: "21.2.1",
                aliases: [],
            }
            202 ACCEPTED Accepted "Accepted" {
                meaning: "Accepted, not yet acted on (RFC 3265, RFC 3515); a MESSAGE relay still sends it, delivery not promised (RFC 3428 §7), but for SUBSCRIBE, NOTIFY and REFER it is retired, and receivers treat it as 200.",
                rfc: 6665, section: "8.3.1",
                deprecated: "RFC 6665 deprecates 202 Accepted for SUBSCRIBE and NOTIFY, and RFC 7647 for REFER: answer those with 200 and treat a 202 received as a 200; a MESSAGE relay still sends it (RFC 3428 §7)",
                aliases: [],
            }
            204 NO_NOTIFICATION NoNotification "No Notification" {
                meaning: "A SUBSCRIBE inside an established dialog succeeded, and the NOTIFY it would have caused is not sent (its Suppress-If-Match condition held).",
                rfc: 5839, section: "7.1",
                aliases: [],
            }
            300 MULTIPLE_CHOICES MultipleChoices "Multiple Choices" {
                meaning: "The address resolved to several locations, listed in Contact for the user or the user agent to choose from.",
                rfc: 3261, section: "21.3.1",
                aliases: [],
            }
            301 MOVED_PERMANENTLY MovedPermanently "Moved Permanently" {
                meaning: "The user is no longer at the Request-URI; retry at the Contact address and update any stored address.",
                rfc: 3261, section: "21.3.2",
                aliases: [],
            }
            302 MOVED_TEMPORARILY MovedTemporarily "Moved Temporarily" {
                meaning: "Retry at the Contact address; without an Expires value it is good for this one retry only and must not be cached.",
                rfc: 3261, section: "21.3.3",
                aliases: [],
            }
            305 USE_PROXY UseProxy "Use Proxy" {
                meaning: "Only a UAS sends it: repeat this one request through the proxy whose URI the Contact header field gives.",
                rfc: 3261, section: "21.3.4",
                aliases: [],
            }
            380 ALTERNATIVE_SERVICE AlternativeService "Alternative Service" {
                meaning: "The call did not succeed, but the alternative services described in the body are possible.",
                rfc: 3261, section: "21.3.5",
                aliases: [],
            }
            400 BAD_REQUEST BadRequest "Bad Request" {
                meaning: "The request could not be understood because of malformed syntax.",
                rfc: 3261, section: "21.4.1",
                aliases: [],
            }
            401 UNAUTHORIZED Unauthorized "Unauthorized" {
                meaning: "The request requires user authentication: sent by UASs and registrars (proxies send 407), with a WWW-Authenticate challenge.",
                rfc: 3261, section: "21.4.2",
                aliases: [],
            }
            402 PAYMENT_REQUIRED PaymentRequired "Payment Required" {
                meaning: "Reserved for future use.",
                rfc: 3261, section: "21.4.3",
                aliases: [],
            }
            403 FORBIDDEN Forbidden "Forbidden" {
                meaning: "The server understood the request and refuses it; authorisation will not help, so do not repeat it.",
                rfc: 3261, section: "21.4.4",
                // The operators' manual of 2015 (sip-codes-testdata/data/manual-codes.tsv).
                aliases: ["Use Forbidden"],
            }
            404 NOT_FOUND NotFound "Not Found" {
                meaning: "The server has definitive information that the user does not exist at the Request-URI's domain, or the domain is not one it serves.",
                rfc: 3261, section: "21.4.5",
                aliases: [],
            }
            405 METHOD_NOT_ALLOWED MethodNotAllowed "Method Not Allowed" {
                meaning: "The method is understood but not allowed for this Request-URI; Allow lists the methods that are.",
                rfc: 3261, section: "21.4.6",
                aliases: [],
            }
            406 NOT_ACCEPTABLE NotAcceptable "Not Acceptable" {
                meaning: "The resource can only produce content that the request's Accept header fields do not accept.",
                rfc: 3261, section: "21.4.7",
                aliases: [],
            }
            407 PROXY_AUTHENTICATION_REQUIRED ProxyAuthenticationRequired "Proxy Authentication Required" {
                meaning: "Like 401, but the client must authenticate with the proxy, which challenges with Proxy-Authenticate.",
                rfc: 3261, section: "21.4.8",
                aliases: [],
            }
            408 REQUEST_TIMEOUT RequestTimeout "Request Timeout" {
                meaning: "The server could not produce a response in time, for example because it could not locate the user; the request may be repeated unchanged later.",
                rfc: 3261, section: "21.4.9",
                aliases: [],
            }
            410 GONE Gone "Gone" {
                meaning: "The resource used to be available here and no longer is, permanently, and no forwarding address is known; if unsure it is permanent, servers send 404.",
                rfc: 3261, section: "21.4.10",
                aliases: [],
            }
            412 CONDITIONAL_REQUEST_FAILED ConditionalRequestFailed "Conditional Request Failed" {
                meaning: "The entity tag in a conditional PUBLISH (SIP-If-Match) does not match any current event state.",
                rfc: 3903, section: "11.2.1",
                aliases: [],
            }
            413 REQUEST_ENTITY_TOO_LARGE RequestEntityTooLarge "Request Entity Too Large" {
                meaning: "The request body is larger than the server is willing or able to process; if the condition is temporary, Retry-After says when to try again.",
                rfc: 3261, section: "21.4.11",
                aliases: [],
            }
            414 REQUEST_URI_TOO_LONG RequestUriTooLong "Request-URI Too Long" {
                meaning: "The Request-URI is longer than the server is willing to interpret.",
                rfc: 3261, section: "21.4.12",
                // "Request URI Too Long": the operators' manual; "Request-URI Too Large": RFC 2543's Status-Code list (§7.1).
                aliases: ["Request URI Too Long", "Request-URI Too Large"],
            }
            415 UNSUPPORTED_MEDIA_TYPE UnsupportedMediaType "Unsupported Media Type" {
                meaning: "The body's format or encoding is not supported; Accept, Accept-Encoding and Accept-Language say what is.",
                rfc: 3261, section: "21.4.13",
                aliases: [],
            }
            416 UNSUPPORTED_URI_SCHEME UnsupportedUriScheme "Unsupported URI Scheme" {
                meaning: "The server does not understand the scheme of the Request-URI; the client retries with a SIP URI.",
                rfc: 3261, section: "21.4.14",
                aliases: [],
            }
            417 UNKNOWN_RESOURCE_PRIORITY UnknownResourcePriority "Unknown Resource-Priority" {
                meaning: "The request requires resource-priority, but the server understands none of its Resource-Priority values.",
                rfc: 4412, section: "4.6.2",
                aliases: [],
            }
            420 BAD_EXTENSION BadExtension "Bad Extension" {
                meaning: "The server does not understand an option tag in the Proxy-Require or Require header field; Unsupported lists the ones it lacks.",
                rfc: 3261, section: "21.4.15",
                aliases: [],
            }
            421 EXTENSION_REQUIRED ExtensionRequired "Extension Required" {
                meaning: "The server needs an extension that the request did not list in Supported; Require names it.",
                rfc: 3261, section: "21.4.16",
                aliases: [],
            }
            422 SESSION_INTERVAL_TOO_SMALL SessionIntervalTooSmall "Session Interval Too Small" {
                meaning: "The request's Session-Expires is below the server's minimum, which the response gives in Min-SE.",
                rfc: 4028, section: "6",
                aliases: [],
            }
            423 INTERVAL_TOO_BRIEF IntervalTooBrief "Interval Too Brief" {
                meaning: "The expiration time asked for (of a registration, say) is too short; Min-Expires gives the minimum.",
                rfc: 3261, section: "21.4.17",
                aliases: [],
            }
            424 BAD_LOCATION_INFORMATION BadLocationInformation "Bad Location Information" {
                meaning: "The location information conveyed with the request is malformed or not good enough for its purpose.",
                rfc: 6442, section: "4.3",
                aliases: [],
            }
            425 BAD_ALERT_MESSAGE BadAlertMessage "Bad Alert Message" {
                meaning: "The alert message (a CAP payload of a non-interactive emergency call) is malformed or cannot be accepted.",
                rfc: 8876, section: "5.1",
                aliases: [],
            }
            428 USE_IDENTITY_HEADER UseIdentityHeader "Use Identity Header" {
                meaning: "The server's policy requires an Identity header field, and the request had none.",
                rfc: 8224, section: "6.2.2",
                aliases: [],
            }
            429 PROVIDE_REFERRER_IDENTITY ProvideReferrerIdentity "Provide Referrer Identity" {
                meaning: "The refer target requires a valid Referred-By token in the request triggered by a REFER, and none came.",
                rfc: 3892, section: "5",
                aliases: [],
            }
            430 FLOW_FAILED FlowFailed "Flow Failed" {
                meaning: "One outbound flow to a user agent has failed, though others may work; meant between proxies, and a UA treats it as 400.",
                rfc: 5626, section: "11.5",
                aliases: [],
            }
            433 ANONYMITY_DISALLOWED AnonymityDisallowed "Anonymity Disallowed" {
                meaning: "The server refuses the request because it is anonymous.",
                rfc: 5079, section: "5",
                aliases: [],
            }
            436 BAD_IDENTITY_INFO BadIdentityInfo "Bad Identity Info" {
                meaning: "The verifier cannot acquire the credentials (such as the certificate) for any of the request's Identity header fields.",
                rfc: 8224, section: "6.2.2",
                // The phrase of RFC 4474, which RFC 8224 replaced; also the operators' manual.
                aliases: ["Bad Identity-Info"],
            }
            437 UNSUPPORTED_CREDENTIAL UnsupportedCredential "Unsupported Credential" {
                meaning: "The verifier cannot validate the credential, such as a certificate, that signed the Identity header field.",
                rfc: 8224, section: "6.2.2",
                // The phrase of RFC 4474, which RFC 8224 replaced; also the operators' manual.
                aliases: ["Unsupported Certificate"],
            }
            438 INVALID_IDENTITY_HEADER InvalidIdentityHeader "Invalid Identity Header" {
                meaning: "None of the request's Identity header fields carries a valid PASSporT the verifier supports, a signature that does not verify being one cause.",
                rfc: 8224, section: "6.2.2",
                aliases: [],
            }
            439 FIRST_HOP_LACKS_OUTBOUND_SUPPORT FirstHopLacksOutboundSupport "First Hop Lacks Outbound Support" {
                meaning: "A REGISTER asked for outbound (RFC 5626), which the registrar supports but the first-hop proxy does not.",
                rfc: 5626, section: "11.6",
                aliases: [],
            }
            440 MAX_BREADTH_EXCEEDED MaxBreadthExceeded "Max-Breadth Exceeded" {
                meaning: "A proxy wanted to fork the request in parallel, but its Max-Breadth leaves no room for another branch, and it would not fork serially or redirect instead.",
                rfc: 5393, section: "5.3.3",
                aliases: [],
            }
            469 BAD_INFO_PACKAGE BadInfoPackage "Bad Info Package" {
                meaning: "An INFO request named an Info Package that the receiver has not agreed to receive in this dialog.",
                rfc: 6086, section: "4.2.2",
                aliases: [],
            }
            470 CONSENT_NEEDED ConsentNeeded "Consent Needed" {
                meaning: "A relay will not forward the request until the recipients listed in the response consent to receive it.",
                rfc: 5360, section: "5.9.2",
                aliases: [],
            }
            480 TEMPORARILY_UNAVAILABLE TemporarilyUnavailable "Temporarily Unavailable" {
                meaning: "The callee's end system was reached but the callee is unavailable now, or a proxy or registrar knows the user but has no current location (not registered); the user may be reachable elsewhere.",
                rfc: 3261, section: "21.4.18",
                // RFC 2543's Status-Code list (§7.1), still in the phrase tables of several stacks.
                aliases: ["Temporarily not available"],
            }
            481 CALL_TRANSACTION_DOES_NOT_EXIST CallTransactionDoesNotExist "Call/Transaction Does Not Exist" {
                meaning: "The request matches no dialog or transaction known to the server.",
                rfc: 3261, section: "21.4.19",
                // RFC 2543's Status-Code list (§7.1), from when dialogs were call legs.
                aliases: ["Call Leg/Transaction Does Not Exist"],
            }
            482 LOOP_DETECTED LoopDetected "Loop Detected" {
                meaning: "The server has detected a loop, or the same request reached it twice by different forked paths (a merged request).",
                rfc: 3261, section: "21.4.20",
                aliases: [],
            }
            483 TOO_MANY_HOPS TooManyHops "Too Many Hops" {
                meaning: "The request's Max-Forwards reached zero before the request arrived.",
                rfc: 3261, section: "21.4.21",
                aliases: [],
            }
            484 ADDRESS_INCOMPLETE AddressIncomplete "Address Incomplete" {
                meaning: "The Request-URI is incomplete, for example too few digits were dialled; more may follow by overlap dialling.",
                rfc: 3261, section: "21.4.22",
                // pjproject's phrase table (pjsip/src/pjsip/sip_msg.c).
                aliases: ["Address Incompleted"],
            }
            485 AMBIGUOUS Ambiguous "Ambiguous" {
                meaning: "The Request-URI matches more than one user; the response may list the candidates in Contact.",
                rfc: 3261, section: "21.4.23",
                aliases: [],
            }
            486 BUSY_HERE BusyHere "Busy Here" {
                meaning: "The callee's end system was reached, but the callee cannot take another call there now; the user may be reachable elsewhere, such as voicemail.",
                rfc: 3261, section: "21.4.24",
                // kamailio-config-tests' scenarios (sip-codes-testdata/data/status-lines.tsv).
                aliases: ["Busy"],
            }
            487 REQUEST_TERMINATED RequestTerminated "Request Terminated" {
                meaning: "The request was terminated by a BYE or CANCEL before it completed; never sent in answer to the CANCEL itself.",
                rfc: 3261, section: "21.4.25",
                // Cisco IOS SIP guides and Net::SIP.
                aliases: ["Request Canceled"],
            }
            488 NOT_ACCEPTABLE_HERE NotAcceptableHere "Not Acceptable Here" {
                meaning: "Like 606, but only here: some aspect of the session description (media, bandwidth, addressing) is not acceptable at this end system, and it may be elsewhere.",
                rfc: 3261, section: "21.4.26",
                aliases: [],
            }
            489 BAD_EVENT BadEvent "Bad Event" {
                meaning: "The server does not understand the event package named in the Event header field.",
                rfc: 6665, section: "8.3.2",
                aliases: [],
            }
            491 REQUEST_PENDING RequestPending "Request Pending" {
                meaning: "The request arrived while the server had its own request pending in the same dialog (glare); retry after a random delay.",
                rfc: 3261, section: "21.4.27",
                aliases: [],
            }
            493 UNDECIPHERABLE Undecipherable "Undecipherable" {
                meaning: "The request carries an encrypted S/MIME body for which the recipient has no suitable decryption key.",
                rfc: 3261, section: "21.4.28",
                aliases: [],
            }
            494 SECURITY_AGREEMENT_REQUIRED SecurityAgreementRequired "Security Agreement Required" {
                meaning: "The server requires a negotiated security mechanism first; Security-Server lists the mechanisms it offers.",
                rfc: 3329, section: "2.3.1",
                aliases: [],
            }
            500 SERVER_INTERNAL_ERROR ServerInternalError "Server Internal Error" {
                meaning: "The server met an unexpected condition that kept it from fulfilling the request; the client may retry after some seconds, or when Retry-After says.",
                rfc: 3261, section: "21.5.1",
                // HTTP's spelling, which SIP stacks send too (flexisip, CGRateS configurations).
                aliases: ["Internal Server Error"],
            }
            501 NOT_IMPLEMENTED NotImplemented "Not Implemented" {
                meaning: "The server lacks the functionality the request needs, for example it does not know the method.",
                rfc: 3261, section: "21.5.2",
                aliases: [],
            }
            502 BAD_GATEWAY BadGateway "Bad Gateway" {
                meaning: "A gateway or proxy received an invalid response from the downstream server it accessed.",
                rfc: 3261, section: "21.5.3",
                aliases: [],
            }
            503 SERVICE_UNAVAILABLE ServiceUnavailable "Service Unavailable" {
                meaning: "The server is overloaded or under maintenance: try an alternate server, and send this one nothing until Retry-After ends; without Retry-After, act as on 500.",
                rfc: 3261, section: "21.5.4",
                aliases: [],
            }
            504 SERVER_TIME_OUT ServerTimeOut "Server Time-out" {
                meaning: "The server did not receive a timely response from an external server it accessed, such as a location server.",
                rfc: 3261, section: "21.5.5",
                // "Gateway Time-out": RFC 2543's Status-Code list (§7.1); "Server Timeout": the
                // response-code docs of an embedded SIP stack (SIPMSG_RSP_504_SERVER_TIMEOUT).
                aliases: ["Gateway Time-out", "Server Timeout"],
            }
            505 VERSION_NOT_SUPPORTED VersionNotSupported "Version Not Supported" {
                meaning: "The server does not support the SIP protocol version of the request.",
                rfc: 3261, section: "21.5.6",
                // Several stacks' phrase tables (Python, Objective-C and JavaScript SIP libraries), after HTTP's spelling.
                aliases: ["SIP Version Not Supported"],
            }
            513 MESSAGE_TOO_LARGE MessageTooLarge "Message Too Large" {
                meaning: "The message is longer than the server is able to process.",
                rfc: 3261, section: "21.5.7",
                aliases: [],
            }
            555 PUSH_NOTIFICATION_SERVICE_NOT_SUPPORTED PushNotificationServiceNotSupported "Push Notification Service Not Supported" {
                meaning: "The proxy does not support the push notification service that the REGISTER asked for.",
                rfc: 8599, section: "8.1",
                aliases: [],
            }
            580 PRECONDITION_FAILURE PreconditionFailure "Precondition Failure" {
                meaning: "The server cannot or will not meet the preconditions of the session description offer.",
                rfc: 3312, section: "8",
                aliases: [],
            }
            600 BUSY_EVERYWHERE BusyEverywhere "Busy Everywhere" {
                meaning: "The callee was reached and is busy, and knows that no other end system would take the call.",
                rfc: 3261, section: "21.6.1",
                aliases: [],
            }
            603 DECLINE Decline "Decline" {
                meaning: "The callee was reached and explicitly will not or cannot take part, and knows of no other end point that would answer.",
                rfc: 3261, section: "21.6.2",
                // The operators' manual, and resiprocate's tests.
                aliases: ["Declined"],
            }
            604 DOES_NOT_EXIST_ANYWHERE DoesNotExistAnywhere "Does Not Exist Anywhere" {
                meaning: "The server has authoritative information that the user of the Request-URI exists nowhere.",
                rfc: 3261, section: "21.6.3",
                aliases: [],
            }
            606 NOT_ACCEPTABLE_ANYWHERE NotAcceptableAnywhere "Not Acceptable" {
                meaning: "The callee was reached, but some aspect of the session description is acceptable at none of its end systems.",
                rfc: 3261, section: "21.6.4",
                aliases: [],
            }
            607 UNWANTED Unwanted "Unwanted" {
                meaning: "The called party does not want this call and marks it as unwanted, so that networks can learn from it.",
                rfc: 8197, section: "4",
                aliases: [],
            }
            608 REJECTED Rejected "Rejected" {
                meaning: "An intermediary, not the callee, rejected the call as unwanted (call blocking by analytics); Call-Info normally points to a signed jCard saying whom to ask to contest it.",
                rfc: 8688, section: "3.1",
                aliases: [],
            }
            701 PARTY_HANGS_UP PartyHangsUp "Party Hangs Up" {
                meaning: "Not a SIP response: one vendor's stack reports locally that the other party hung up; 7xx is never sent on the wire.",
                // No `rfc:`: no RFC defines 701 (RFC 3261 §7.2 has only 1xx to 6xx).
                non_standard: "Not in the IANA registry and defined by no RFC: this meaning is the one of Lindenbaum's operators' manual for SIP response codes (2015). Other stacks use 701 differently (pjsip: no response from the destination server).",
                aliases: [],
            }
        }
    };
}
