//! The rows: one [`Handling`] per catalogued code, and the header rules that
//! several codes share. Every action, condition and level is ours, read in
//! the section cited beside it.

use super::{
    Codes, Context, Disposition, Facts, Handling, HeaderRule, Method, Methods, Requirement, SharedRule,
};
use crate::{CATALOGUE, Class, Reference};

// A header rule reads:
//
//     Requirement "Header" (when "words" | judged "words")? (in [Method, …])? (if [FACT, …])? (rfc "section")
//
// `when` gives the condition in words; `judged` does too, and marks a
// condition that no message shows (Context::judged). `in` names the methods
// whose responses the rule binds (any if absent); `if` names the facts that
// must hold (Facts). The words say the same as the data, for people.
macro_rules! header_rule {
    (
        $requirement:ident $header:literal [$($condition:literal)?] [$($judged:literal)?]
        [$($method:ident),*] [$($fact:ident),*] $rfc:literal $section:literal
    ) => {
        HeaderRule {
            header: $header,
            requirement: Requirement::$requirement,
            condition: first_of!($($condition)? $($judged)?),
            context: Context::new(
                methods!($($method),*),
                Facts::NONE$(.with(Facts::$fact))*,
                is_judged!($($judged)?),
            ),
            reference: Reference { rfc: $rfc, section: $section },
        }
    };
}

macro_rules! first_of {
    () => {
        None
    };
    ($text:literal) => {
        Some($text)
    };
}

macro_rules! is_judged {
    () => {
        false
    };
    ($text:literal) => {
        true
    };
}

macro_rules! methods {
    () => {
        Methods::ANY
    };
    ($first:ident $(, $rest:ident)*) => {
        Methods::of(Method::$first)$(.with(Method::$rest))*
    };
}

// Expands the rows into `HANDLING`. A row reads:
//
//     code Disposition (rfc "section") "what to do, in our words"
//         reads ["Header", …]
//         headers [rule, …]
macro_rules! handling_table {
    ($(
        $code:literal $disposition:ident ($rfc:literal $section:literal) $action:literal
            reads [$($read:literal),* $(,)?]
            headers [$(
                $requirement:ident $header:literal
                    $(when $condition:literal)? $(judged $judged:literal)?
                    $(in [$($method:ident),+])? $(if [$($fact:ident),+])?
                    ($hrfc:literal $hsection:literal)
            ),* $(,)?]
    )*) => {
        /// What a stack does with each catalogued code, in the order of
        /// [`CATALOGUE`]: one [`Handling`] per row.
        ///
        /// ```
        /// # extern crate sip_codes_core as sip_codes;
        /// use sip_codes::{CATALOGUE, HANDLING};
        /// assert!(HANDLING.iter().zip(CATALOGUE).all(|(handling, entry)| handling.code == entry.code));
        /// ```
        pub const HANDLING: &[Handling] = &[$(
            Handling {
                code: $code,
                disposition: Disposition::$disposition,
                action: $action,
                reads: &[$($read),*],
                reference: Reference { rfc: $rfc, section: $section },
                headers: &[$(
                    header_rule!(
                        $requirement $header [$($condition)?] [$($judged)?]
                        [$($($method),+)?] [$($($fact),+)?] $hrfc $hsection
                    )
                ),*],
            },
        )*];
    };
}

// Expands the shared rules into `SHARED_RULES`. A row reads:
//
//     Codes => rule,
macro_rules! shared_rules {
    ($(
        $codes:expr => $requirement:ident $header:literal
            $(when $condition:literal)? $(judged $judged:literal)?
            $(in [$($method:ident),+])? $(if [$($fact:ident),+])?
            ($hrfc:literal $hsection:literal)
    ),* $(,)?) => {
        /// The header rules that bind a set of codes rather than one: "every
        /// 2xx in answer to SUBSCRIBE", "every response but 422". Each code's
        /// own rules are in its [`Handling`];
        /// [`StatusCode::all_header_rules`](crate::StatusCode::all_header_rules)
        /// gives both.
        pub const SHARED_RULES: &[SharedRule] = &[$(
            SharedRule {
                codes: $codes,
                rule: header_rule!(
                    $requirement $header [$($condition)?] [$($judged)?]
                    [$($($method),+)?] [$($($fact),+)?] $hrfc $hsection
                ),
            }
        ),*];
    };
}

shared_rules! {
    // Every response copies these from its request (the To tag aside, a
    // parameter and no header field).
    Codes::All => Must "Via" when "every value of the request's, in order" (3261 "8.2.6.2"),
    Codes::All => Must "From" when "as in the request" (3261 "8.2.6.2"),
    Codes::All => Must "To" when "as in the request, with the UAS's tag added if it had none (100 may omit it)" (3261 "8.2.6.2"),
    Codes::All => Must "Call-ID" when "as in the request" (3261 "8.2.6.2"),
    Codes::All => Must "CSeq" when "as in the request" (3261 "8.2.6.2"),
    // A response that opens a dialog (RFC 3261 §12.1): a 2xx to INVITE, or a
    // 101-199 with a To tag to INVITE. 199 is left out: it ends an early
    // dialog and never opens one (RFC 6228 §1), and a proxy's 199 should
    // carry neither field (its own row).
    Codes::Class(Class::Success) => Must "Contact"
        when "in answer to INVITE: where the UAS takes the dialog's requests" in [Invite] (3261 "12.1.1"),
    Codes::Class(Class::Success) => Must "Record-Route"
        when "in answer to INVITE: every value of the request's, in order" in [Invite] if [REQUEST_HAD_RECORD_ROUTE]
        (3261 "12.1.1"),
    Codes::Range(101, 198) => Must "Contact"
        when "if it opens an early dialog (a To tag, in answer to INVITE)" in [Invite] if [EARLY_DIALOG]
        (3261 "12.1.1"),
    Codes::Range(101, 198) => Must "Record-Route"
        when "if it opens an early dialog (in answer to INVITE): every value of the request's, in order" in [Invite]
        if [EARLY_DIALOG, REQUEST_HAD_RECORD_ROUTE] (3261 "12.1.1"),
    Codes::Class(Class::Success) => Should "Allow" when "in answer to INVITE" in [Invite] (3261 "13.3.1.4"),
    Codes::Class(Class::Success) => Should "Supported" when "in answer to INVITE" in [Invite] (3261 "13.3.1.4"),
    Codes::Class(Class::Success) => May "Accept" when "in answer to INVITE" in [Invite] (3261 "13.3.1.4"),
    // RFC 3262 §3: 100 is never sent reliably, and only 101-199 may be.
    Codes::Range(101, 199) => Must "Require" when "if sent reliably: with the option tag 100rel" if [RELIABLE]
        (3262 "3"),
    Codes::Range(101, 199) => Must "RSeq" when "if sent reliably" if [RELIABLE] (3262 "3"),
    // RFC 6665 §3.1.1 binds every 200-class response: 200, 202 and 204 alike.
    Codes::Class(Class::Success) => Must "Expires"
        when "in answer to SUBSCRIBE: the subscription's duration, never longer than asked" in [Subscribe]
        (6665 "3.1.1"),
    Codes::Class(Class::Success) => MustNot "Contact" when "in answer to MESSAGE" in [Message] (3428 "7"),
    Codes::AllBut(422) => MustNot "Min-SE" when "in any response but 422" (4028 "5"),
    Codes::All => MustNot "Record-Route" when "in answer to PUBLISH" in [Publish] (3903 "6"),
    Codes::All => MustNot "Event" when "in any response" (6665 "8.2.1"),
    Codes::All => MustNot "Subscription-State" when "in any response" (6665 "8.2.3"),
    Codes::All => Should "Allow-Events"
        judged "from a UA that is a notifier for some event package, in answer to a request that opens a dialog (INVITE, SUBSCRIBE, REFER) or to OPTIONS: every package it serves"
        in [Invite, Subscribe, Refer, Options] if [FROM_UAS] (6665 "4.4.4"),
    Codes::All => MustNot "Allow-Events" when "from a proxy" if [FROM_PROXY] (6665 "4.4.4"),
}

handling_table! {
    // 1xx (RFC 3261 §21.1): not final; a UAC waits.
    100 Wait (3261 "21.1.1") "Wait for the final response; the next hop has the request, and an INVITE is no longer retransmitted."
        reads []
        headers [
            Must "Timestamp" when "if the request carried one: copied, with any delay added"
                if [REQUEST_HAD_TIMESTAMP] (3261 "8.2.6.1"),
        ]
    180 Wait (3261 "21.1.2") "Wait for the final response; the UAC may play ringback."
        reads [] headers []
    181 Wait (3261 "21.1.3") "Wait for the final response from the new destinations."
        reads [] headers []
    182 Wait (3261 "21.1.4") "Wait: the call is queued, and further 182s may report its progress."
        reads [] headers []
    183 Wait (3261 "21.1.5") "Wait for the final response; a session description in it may start early media."
        reads [] headers []
    199 Wait (6228 "4") "Wait for the other early dialogs; on the one that ended, send no more media and no requests but those acknowledging reliable responses (RFC 6228 §7)."
        reads ["Reason"]
        headers [
            Must "Reason" when "from a UAS: a response code saying why the early dialog ended" if [FROM_UAS] (6228 "5"),
            Must "Reason" when "from a forking proxy: the code of the final response that ended the early dialog"
                if [FROM_PROXY] (6228 "6"),
            ShouldNot "Contact" when "from a forking proxy" if [FROM_PROXY] (6228 "6"),
            ShouldNot "Record-Route" when "from a forking proxy" if [FROM_PROXY] (6228 "6"),
        ]
    // 2xx (RFC 3261 §21.2). The rules of every 2xx (to INVITE, SUBSCRIBE,
    // MESSAGE) are in SHARED_RULES.
    200 Success (3261 "21.2.1") "Done: the request succeeded."
        reads []
        headers [
            // After a REGISTER that removed every binding (`Contact: *`, RFC 3665 §2.4) there is
            // none to list: whether bindings remain is the registrar's to know.
            Must "Contact" judged "in answer to REGISTER: every current binding, each with an expires parameter"
                in [Register] (3261 "10.3"),
            Should "Date" when "in answer to REGISTER" in [Register] (3261 "10.3"),
            Should "Allow" when "in answer to OPTIONS, from a UAS" in [Options] if [FROM_UAS] (3261 "11.2"),
            ShouldNot "Allow" when "in answer to OPTIONS, from a proxy" in [Options] if [FROM_PROXY] (3261 "11.2"),
            Should "Accept" when "in answer to OPTIONS" in [Options] (3261 "11.2"),
            Should "Accept-Encoding" when "in answer to OPTIONS" in [Options] (3261 "11.2"),
            Should "Accept-Language" when "in answer to OPTIONS" in [Options] (3261 "11.2"),
            Should "Supported" when "in answer to OPTIONS" in [Options] (3261 "11.2"),
            Must "Expires" when "in answer to PUBLISH: the expiration interval chosen" in [Publish] (3903 "6"),
            Must "SIP-ETag" when "in answer to PUBLISH: the one entity-tag of the publication" in [Publish] (3903 "6"),
        ]
    202 Success (6665 "8.3.1") "Done, as a 200: SUBSCRIBE, NOTIFY and REFER no longer send it (RFC 7647 §5); a MESSAGE relay (RFC 3428 §7) and a registrar awaiting consent for a third-party REGISTER (RFC 5360 §5.10) still do."
        reads [] headers []
    204 Success (5839 "7.1") "Done: no NOTIFY follows; after a refresh the subscription and its state stay as they were (RFC 5839 §5.2), after Expires 0 it has ended (§5.7); stop Timer N (RFC 6665 §4.1.2.2)."
        reads ["Expires"] headers []
    // 3xx (RFC 3261 §8.1.3.4): recurse on Contact.
    300 Recurse (3261 "8.1.3.4") "Send the request to the Contact addresses, or let the user choose one."
        reads ["Contact"]
        headers [Should "Contact" when "listing the choices" (3261 "21.3.1")]
    301 Recurse (3261 "21.3.2") "Send the request to the Contact address, and replace the stored address with it."
        reads ["Contact"]
        headers [Should "Contact" when "the new address, which the client's retry needs" (3261 "21.3.2")]
    302 Recurse (3261 "21.3.3") "Send the request to the Contact address; without an expiry, use it for this request only and do not cache it."
        reads ["Contact", "Expires"]
        headers [
            Should "Contact" when "the temporary address, which the client's retry needs" (3261 "21.3.3"),
            May "Expires" when "bounding how long the Contact may be cached, unless its expires parameter does" (3261 "21.3.3"),
        ]
    305 Recurse (3261 "21.3.4") "Send this one request again through the proxy named in Contact."
        reads ["Contact"]
        headers [Must "Contact" when "the URI of the proxy, through which the request must go" (3261 "21.3.4")]
    380 FailHere (3261 "21.3.5") "No automatic retry: the body describes alternative services."
        reads [] headers []
    // 4xx (RFC 3261 §21.4): not to be repeated here unchanged.
    400 FailHere (3261 "21.4.1") "Fix the syntax the reason phrase names; do not resend the request unchanged."
        reads [] headers []
    401 RetryWithChanges (3261 "8.1.3.5") "Retry with credentials that answer the challenge (RFC 3261 §22.2)."
        reads ["WWW-Authenticate"]
        headers [
            Must "WWW-Authenticate" (3261 "22.2"),
            May "Proxy-Authenticate" when "from a proxy that gathered the challenges of its branches"
                if [FROM_PROXY] (3261 "16.7"),
        ]
    402 FailHere (3261 "21.4.3") "Reserved: treat as another 4xx failure."
        reads [] headers []
    403 FailHere (3261 "21.4.4") "Do not repeat the request: authorisation will not help."
        reads [] headers []
    404 FailHere (3261 "21.4.5") "The user does not exist here; try other destinations only."
        reads []
        headers [May "Retry-After" when "saying when the called party expects to be available" (3261 "20.33")]
    405 FailHere (3261 "21.4.6") "The method is not allowed for this address; Allow lists those that are."
        reads ["Allow"]
        headers [Must "Allow" (3261 "21.4.6")]
    406 FailHere (3261 "21.4.7") "The resource cannot produce anything the request's Accept header fields allow."
        reads [] headers []
    407 RetryWithChanges (3261 "8.1.3.5") "Retry with credentials for the proxy that answer its challenge (RFC 3261 §22.3)."
        reads ["Proxy-Authenticate"]
        headers [
            Must "Proxy-Authenticate" (3261 "22.3"),
            May "WWW-Authenticate" when "from a proxy that gathered the challenges of its branches"
                if [FROM_PROXY] (3261 "16.7"),
        ]
    408 RetryLater (3261 "21.4.9") "The server found no answer in time: the same request may be sent again later; inside a dialog, the UAC should end the dialog (RFC 3261 §12.2.1.2)."
        reads [] headers []
    410 FailHere (3261 "21.4.10") "The resource is gone for good; do not retry here."
        reads [] headers []
    412 RetryWithChanges (3903 "5") "The event state to refresh or modify is gone: drop its entity-tag and publish it afresh, without SIP-If-Match."
        reads [] headers []
    413 RetryWithChanges (3261 "8.1.3.5") "Retry with a smaller body, or none; if the condition is temporary, after Retry-After."
        reads ["Retry-After"]
        headers [Should "Retry-After" judged "if the condition is temporary" (3261 "21.4.11")]
    414 FailHere (3261 "21.4.12") "The Request-URI is too long for this server."
        reads [] headers []
    415 RetryWithChanges (3261 "8.1.3.5") "Retry with only the body types, encodings and languages the response lists."
        reads ["Accept", "Accept-Encoding", "Accept-Language"]
        headers [
            Must "Accept" judged "if a body's type was not understood" (3261 "8.2.3"),
            Must "Accept-Encoding" judged "if a content encoding was not understood" (3261 "8.2.3"),
            Must "Accept-Language" judged "if a body's language was not understood" (3261 "8.2.3"),
        ]
    416 RetryWithChanges (3261 "8.1.3.5") "Retry with a SIP URI as the Request-URI."
        reads [] headers []
    417 RetryWithChanges (4412 "4.7.1") "Retry with resource values from Accept-Resource-Priority, if it lists any, or with others, or without requiring resource priority."
        reads ["Accept-Resource-Priority"]
        headers [
            May "Accept-Resource-Priority" when "listing the resource values the server accepts, by local policy"
                (4412 "4.6.2"),
        ]
    420 RetryWithChanges (3261 "8.1.3.5") "Retry without the option tags listed in Unsupported."
        reads ["Unsupported"]
        headers [Must "Unsupported" (3261 "21.4.15")]
    421 RetryWithChanges (3261 "21.4.16") "Retry with the extensions listed in Require, if the client supports them."
        reads ["Require"]
        headers [
            Must "Require" (3261 "21.4.16"),
            Must "Security-Server" judged "if the server's policy demands security agreement: its mechanisms"
                (3329 "2.3.2"),
        ]
    422 RetryWithChanges (4028 "6") "Retry with a Session-Expires at least the response's Min-SE."
        reads ["Min-SE"]
        headers [Must "Min-SE" (4028 "6")]
    // RFC 6665 §4.2.1.1 describes a 423 to SUBSCRIBE carrying Min-Expires,
    // with no keyword: no rule for SUBSCRIBE.
    423 RetryWithChanges (3261 "10.2.8") "Retry with an expiry at least the response's Min-Expires (for PUBLISH, RFC 3903 §5)."
        reads ["Min-Expires"]
        headers [
            Must "Min-Expires" when "in answer to REGISTER" in [Register] (3261 "10.3"),
            Must "Min-Expires" when "in answer to PUBLISH" in [Publish] (3903 "6"),
        ]
    424 FailHere (6442 "4.3") "The location information is unusable as sent; if the response's body carries a location composed by the server, send a new request with it (RFC 6442 §4.3)."
        reads ["Geolocation-Error"]
        headers [Must "Geolocation-Error" when "one code saying what was wrong with the location" (6442 "4.3")]
    425 FailHere (8876 "5.1") "The alert message is unusable; the request fails as sent."
        reads ["AlertMsg-Error"]
        headers [Must "AlertMsg-Error" when "one code saying what was wrong with the alert message" (8876 "5.1")]
    428 RetryWithChanges (8224 "6.2.2") "Retry with an Identity header field, added by an authentication service."
        reads [] headers []
    429 RetryWithChanges (3892 "2.1") "The refer target wants a Referred-By token: the referee passes the 429 back to the referrer (in a NOTIFY), which may send a new REFER with one."
        reads [] headers []
    430 TryAnotherServer (5626 "11.5") "A proxy tries another flow to the same instance; a user agent treats it as 400."
        reads [] headers []
    433 FailHere (5079 "4") "Anonymous requests are refused here: retry without anonymity only if the user agrees; a dialog it answers inside goes on."
        reads [] headers []
    436 FailHere (8224 "6.2.2") "The verifier could not get the credentials of any Identity header field; an authentication service may repair it with an info parameter the verifier can reach."
        reads [] headers []
    437 FailHere (8224 "6.2.2") "The verifier does not accept the credential that signed the Identity header field."
        reads [] headers []
    438 RetryWithChanges (8224 "6.1.1") "An authentication service that sent the compact PASSporT retries once with the full form; otherwise the request fails here."
        reads [] headers []
    439 RetryWithChanges (5626 "4.2.1") "Register again without outbound, or through another outbound proxy, if local policy allows."
        reads [] headers []
    440 FailHere (5393 "5.3.3") "The request could not be forked further; some destinations were not tried."
        reads [] headers []
    469 RetryWithChanges (6086 "4.2.2") "Send INFO only for the Info Packages listed in Recv-Info; the invite dialog goes on (RFC 6086 §4.2.1)."
        reads ["Recv-Info"]
        headers [
            Must "Recv-Info" when "in answer to INFO: the packages the UA will receive, possibly none" in [Info]
                (6086 "4.2.2"),
        ]
    470 RetryWithChanges (5360 "5.9.2") "Get the consent of the recipients in Permission-Missing, then retry."
        reads ["Permission-Missing"]
        headers [Should "Permission-Missing" when "naming the URIs without consent" (5360 "5.9.2")]
    480 FailHere (3261 "21.4.18") "The callee is unavailable here now; try other destinations, or again after Retry-After."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee expects to be available" (3261 "21.4.18")]
    481 FailHere (3261 "21.4.19") "The dialog or transaction is gone; a UAC ends the dialog (RFC 3261 §12.2.1.2)."
        reads [] headers []
    482 FailHere (3261 "21.4.20") "The request looped or arrived twice; the other copy is being handled."
        reads [] headers []
    483 FailHere (3261 "21.4.21") "Max-Forwards ran out before the request arrived."
        reads [] headers []
    484 RetryWithChanges (3261 "21.4.22") "Retry with more digits: overlap dialling."
        reads [] headers []
    485 FailHere (3261 "21.4.23") "Ask the user to choose among the Contact addresses, if the response lists any."
        reads ["Contact"]
        headers [May "Contact" when "listing unambiguous addresses" (3261 "21.4.23")]
    486 FailHere (3261 "21.4.24") "The callee is busy at this end system; try other destinations such as voicemail, or again after Retry-After."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be free" (3261 "21.4.24")]
    487 FailHere (3261 "21.4.25") "The request was cancelled or ended, as asked; nothing more to do."
        reads [] headers []
    488 FailHere (3261 "21.4.26") "The session description is not acceptable here; another destination, or another offer, may work."
        reads ["Warning"]
        headers [
            Should "Warning" when "in answer to INVITE or re-INVITE (§14.2): why the offer was rejected" in [Invite]
                (3261 "13.3.1.3"),
        ]
    489 FailHere (6665 "8.3.2") "The event package is not supported here; after a SUBSCRIBE refresh, the subscription has ended (RFC 6665 §4.1.2.2)."
        reads [] headers []
    491 RetryLater (3261 "14.1") "Retry after a random delay: 2.1 to 4 s if this side chose the Call-ID, otherwise up to 2 s."
        reads [] headers []
    493 FailHere (3261 "21.4.28") "The encrypted body cannot be read here; a body in the response may carry the key to use."
        reads [] headers []
    494 RetryWithChanges (3329 "2.3.1") "Start the mechanism with the highest q in Security-Server that the client knows, then retry over it, echoing that list in Security-Verify."
        reads ["Security-Server"]
        headers [
            Must "Security-Server" when "the server's mechanisms, even if none is in common with the client's"
                (3329 "2.3.1"),
            Must "Require" judged "if the server's policy demands security agreement: with the option tag sec-agree"
                (3329 "2.3.2"),
        ]
    // 5xx (RFC 3261 §21.5).
    500 RetryLater (3261 "21.5.1") "The client may retry after some seconds, or after Retry-After."
        reads ["Retry-After"]
        headers [
            May "Retry-After" when "if the condition is temporary" (3261 "21.5.1"),
            Must "Retry-After" judged "answering an INVITE that arrived while an earlier one on the dialog was pending, 0 to 10 s"
                in [Invite] (3261 "14.2"),
        ]
    501 FailHere (3261 "21.5.2") "The server does not support what the request needs, such as its method."
        reads [] headers []
    502 FailHere (3261 "21.5.3") "A downstream server answered the gateway or proxy with an invalid response."
        reads [] headers []
    503 TryAnotherServer (3261 "21.5.4") "Try an alternate server, and send this one nothing until Retry-After ends; without Retry-After, act as on 500."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when to try this server again" (3261 "21.5.4")]
    504 FailHere (3261 "21.5.5") "An external server did not answer this server in time."
        reads [] headers []
    505 FailHere (3261 "21.5.6") "The server does not support the request's SIP version."
        reads [] headers []
    513 FailHere (3261 "21.5.7") "The message is too long for the server."
        reads [] headers []
    555 FailHere (8599 "4.1.5") "The proxy does not offer the push notification service the REGISTER asked for."
        reads [] headers []
    580 FailHere (3312 "8") "The answerer cannot or will not meet the preconditions of the offer."
        reads [] headers []
    // 6xx (RFC 3261 §21.6): no other destination will do.
    600 FailEverywhere (3261 "21.6.1") "Stop: the callee is busy everywhere; call again after Retry-After, if given."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be free" (3261 "21.6.1")]
    603 FailEverywhere (3261 "21.6.2") "Stop: the callee declined; call again after Retry-After, if given."
        reads ["Retry-After"]
        headers [May "Retry-After" when "saying when the callee may be reachable" (3261 "21.6.2")]
    604 FailEverywhere (3261 "21.6.3") "Stop: the user exists nowhere."
        reads [] headers []
    606 FailEverywhere (3261 "21.6.4") "Stop, or offer another session description: the callee cannot support this one anywhere."
        reads []
        headers [May "Warning" when "giving the reasons the session cannot be supported" (3261 "21.6.4")]
    607 FailEverywhere (8197 "4") "Stop: the called party marked the call as unwanted."
        reads [] headers []
    608 FailEverywhere (8688 "3.3") "Stop: an intermediary rejected the call; a signed jCard in Call-Info (purpose jwscard) says whom to ask to contest it."
        reads ["Call-Info"]
        headers [
            Must "Call-Info" judged "from the intermediary, unless the caller might misuse it: purpose jwscard, a signed jCard"
                (8688 "3.1"),
        ]
    // 7xx: stack-local, never on the wire.
    701 StackLocal (3261 "7.2") "Nothing in SIP: a stack's own report, outside the six response classes."
        reads [] headers []
}

// The rows line up with the catalogue, code for code, so that
// `HANDLING[i]` is the row of `CATALOGUE[i]` and `Handling::by_code` can use
// the catalogue's index. A catalogue row without a handling row, or a
// handling row for a code not catalogued, fails the build.
const _: () = {
    assert!(HANDLING.len() == CATALOGUE.len(), "every catalogued code has exactly one handling row");
    let mut i = 0;
    while i < HANDLING.len() {
        assert!(HANDLING[i].code == CATALOGUE[i].code, "handling rows follow the catalogue, code for code");
        i += 1;
    }
};
