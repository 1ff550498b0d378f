//! A minimal SIP user agent server (UAS) over UDP, to show `sip-codes` on the wire.
//!
//! ```sh
//! cargo run --example uas -- --port 5060 --lifetime-secs 60 --max-calls 100
//! sipp -sf tests/sipp/invite_486.xml -m 1 -i 127.0.0.1 -p 5061 127.0.0.1:5060
//! ```
//!
//! It prints `listening on 127.0.0.1:<port>` on stdout once it is bound (`--port 0` picks a
//! free port), logs one line per datagram on stderr (with the request's Call-ID), and answers each INVITE at once with the
//! final response that the application's error enum, `CallError`, chooses from the user part of
//! the Request-URI:
//!
//! | user | response |
//! |---|---|
//! | `alice`, `bob` | `200 OK` |
//! | `busy` | `486 Busy Here` |
//! | `decline` | `603 Decline` |
//! | `overloaded` | `503 Overloaded, retry later` (a reason of our own) |
//! | `nobody`, and any other user | `404 Not Found` |
//!
//! Every status line is built by `sip_codes::StatusLine`, from the `SipResponse` that
//! `#[derive(SipResponse)]` writes for `CallError` and for `Refusal`, the protocol's own refusals.
//! Every failure (3xx to 6xx) also carries its Q.850 cause in a `Reason` header field (RFC 6432),
//! built by `sip_codes::Reason` from the error's `q850_cause()`: `Reason: Q.850;cause=17;text="User
//! busy"` on the 486.
//!
//! Decisions, each with the rule behind it:
//! - Responses go back to the source address of the request, as `rport` (RFC 3581) does, rather
//!   than to the Via sent-by (RFC 3261 §18.2.2): on loopback they are the same place, and behind a
//!   NAT only the source address works.
//! - A final response to INVITE is retransmitted with timers T1 and T2 until the ACK comes, or for
//!   64*T1 (§17.2.1 for non-2xx, §13.3.1.4 for 2xx). A retransmitted request, INVITE or not, gets
//!   the response already sent, byte for byte (§17.2.1, §17.2.2), so its To tag is the same.
//! - CANCEL: every INVITE is answered at once, so a CANCEL always finds its INVITE completed.
//!   RFC 3261 §9.2 then answers the CANCEL with 200 and leaves the INVITE alone (no 487); a CANCEL
//!   that matches no INVITE we remember gets 481.
//! - BYE ends a dialog that a 200 to INVITE created (200), and gets 481 otherwise (§15.1.2).
//! - OPTIONS gets the code an INVITE would have got (§11.2), or 200 when it names no user.
//! - A method of the IANA registry that this UAS does not handle gets 405 with Allow (§8.2.1);
//!   any other method, method names being case-sensitive (§7.1), gets 501 (§21.5.2).
//! - Malformed input: a datagram that has no request line, or whose request has no Via or no CSeq
//!   header, is dropped, because the client could not match a response to its request
//!   (§17.1.3). Any other defect gets 400 with a reason naming it, as §21.4.1 suggests
//!   ("Missing Call-ID Header"), or 505 for another SIP version (§21.5.7).
//! - A server transaction is remembered for its lifetime in RFC 3261, 64*T1 + T4 = 37 s after its
//!   final response (Timers H and I, §17.2.1; J, §17.2.2), and a dialog until its BYE, so that a
//!   retransmission at 1,000 calls a second still finds its transaction. Caps far above that bound
//!   the memory under a flood.
//! - A thread of its own reads the socket into a bounded queue, so that bursts do not overflow the
//!   kernel's buffer while the server answers.
//! - It binds to 127.0.0.1 unless told otherwise, and exits after `--lifetime-secs`, or once
//!   `--max-calls` INVITEs are answered and their ACKs and BYEs are in (or 5 s pass quietly).

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hash};
use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Parser;
use sip_codes::{Reason, SipResponse, StatusLine};

/// A minimal SIP UAS over UDP whose answers come from `#[derive(SipResponse)]`.
#[derive(Parser)]
struct Args {
    /// The address to bind: loopback by default, so that nothing outside the machine reaches it.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    address: IpAddr,
    /// The UDP port; 0 picks a free one, printed on stdout.
    #[arg(long, default_value_t = 5060)]
    port: u16,
    /// Exit once this many INVITEs are answered (and acknowledged).
    #[arg(long, default_value_t = 100)]
    max_calls: u64,
    /// Exit after this many seconds, whatever happens.
    #[arg(long, default_value_t = 60)]
    lifetime_secs: u64,
}

/// Why the callee does not take a call: the application's errors, each one a final response.
#[derive(Debug, SipResponse)]
enum CallError {
    #[sip(BusyHere)]
    Busy,
    #[sip(Decline)]
    Declined,
    #[sip(NotFound)]
    UnknownUser,
    #[sip(503, reason = "Overloaded, retry later")]
    Overloaded,
}

/// The application: whether the user of the Request-URI takes the call.
fn place_call(user: &str) -> Result<(), CallError> {
    // The user part compares case-sensitively (RFC 3261 §19.1.4).
    match user {
        "alice" | "bob" => Ok(()),
        "busy" => Err(CallError::Busy),
        "decline" => Err(CallError::Declined),
        "overloaded" => Err(CallError::Overloaded),
        _ => Err(CallError::UnknownUser),
    }
}

/// The success of any request: `200 OK`.
#[derive(Debug, SipResponse)]
#[sip(Ok)]
struct Success;

/// Why the UAS refuses a request before the application sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SipResponse)]
enum Refusal {
    #[sip(400, reason = "Missing Call-ID Header")]
    MissingCallId,
    #[sip(400, reason = "Missing From Header")]
    MissingFrom,
    #[sip(400, reason = "Missing To Header")]
    MissingTo,
    #[sip(400, reason = "Malformed Header Line")]
    MalformedHeaderLine,
    #[sip(400, reason = "Duplicate Header Field")]
    DuplicateHeader,
    #[sip(400, reason = "Malformed Via Header")]
    MalformedVia,
    #[sip(400, reason = "Malformed CSeq Header")]
    MalformedCSeq,
    #[sip(400, reason = "CSeq Method Does Not Match Request")]
    CSeqMethodMismatch,
    #[sip(400, reason = "Malformed Content-Length Header")]
    MalformedContentLength,
    #[sip(400, reason = "Body Shorter Than Content-Length")]
    TruncatedBody,
    #[sip(400, reason = "Malformed Request-URI")]
    MalformedRequestUri,
    #[sip(VersionNotSupported)]
    Version,
    #[sip(UnsupportedUriScheme)]
    UriScheme,
    #[sip(MethodNotAllowed)]
    MethodNotAllowed,
    #[sip(NotImplemented)]
    UnknownMethod,
    #[sip(CallTransactionDoesNotExist)]
    NoSuchTransaction,
    #[sip(503, reason = "Call Limit Reached")]
    CallLimit,
}

/// The methods this UAS handles, for the Allow header (RFC 3261 §20.5).
const ALLOW: &str = "INVITE, ACK, CANCEL, BYE, OPTIONS";

/// Methods of the IANA registry that this UAS knows of but does not handle: 405, not 501 (§8.2.1).
const KNOWN_METHODS: [&str; 9] =
    ["REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"];

/// RFC 3261 §17.1.1.1: the round-trip estimate and the cap of the retransmission interval.
const T1: Duration = Duration::from_millis(500);
const T2: Duration = Duration::from_secs(4);
// The lifetime above is 64*T1 + T4.
const _: () = assert!(TRANSACTION_LIFETIME.as_millis() == 64 * T1.as_millis() + T4.as_millis());

/// RFC 3261 §17.1.2.2: the longest a message is delayed in the network; Timer I lasts this long.
const T4: Duration = Duration::from_secs(5);

/// How long a server transaction is remembered once it has sent its final response: Timer H
/// (64*T1) waits for the ACK of an INVITE, then Timer I (T4) absorbs its retransmissions (§17.2.1);
/// a non-INVITE transaction lives 64*T1 under Timer J (§17.2.2). A retransmission arriving within
/// this time gets the same response, never a second answer.
const TRANSACTION_LIFETIME: Duration = Duration::from_secs(32 + 5);

/// Caps on memory under a flood, far above what the lifetimes hold at 1,000 calls a second
/// (two transactions a call, 37 s each: 74,000). The oldest entry goes first past a cap.
const MAX_TRANSACTIONS: usize = 1 << 18;
const MAX_DIALOGS: usize = 1 << 16;
const MAX_PENDING: usize = 1 << 14;

/// Datagrams read but not yet handled: the reader thread empties the socket's kernel buffer into
/// this queue, so that a burst is not lost while the server handles the datagrams before it.
const QUEUE: usize = 1 << 16;

/// After the last call, how long the UAS waits without traffic before it exits.
const QUIET: Duration = Duration::from_secs(5);

/// The largest UDP payload, so that every datagram is read whole.
const DATAGRAM: usize = 65_535;

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let socket = UdpSocket::bind((args.address, args.port))?;
    let local = socket.local_addr()?;
    println!("listening on {local}");
    std::io::stdout().flush()?;

    let datagrams = read_in_background(socket.try_clone()?);
    let mut uas = Uas::new(socket, local, args.max_calls);
    let deadline = Instant::now() + Duration::from_secs(args.lifetime_secs);
    let mut last_traffic = Instant::now();
    loop {
        let now = Instant::now();
        if now >= deadline {
            eprintln!("exiting: the lifetime of {} s is over", args.lifetime_secs);
            return Ok(());
        }
        if uas.calls >= uas.max_calls && (uas.is_idle() || now.duration_since(last_traffic) >= QUIET) {
            let why = if uas.is_idle() { "and every call is over" } else { "and the line was quiet for 5 s" };
            eprintln!("exiting: --max-calls {} is reached {why}", uas.max_calls);
            return Ok(());
        }
        uas.retransmit(now);
        uas.forget(now);

        let wake = uas.next_retransmission().unwrap_or(deadline).min(deadline).min(now + QUIET);
        match datagrams.recv_timeout(wake.saturating_duration_since(now)) {
            Ok(Ok((datagram, source))) => {
                last_traffic = Instant::now();
                uas.receive(&datagram, source);
            }
            Ok(Err(error)) => return Err(error),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Reads datagrams on a thread of their own, so that the socket's kernel buffer is emptied as fast
/// as datagrams arrive, whatever the server is doing: at 1,000 calls a second a single thread that
/// also answers let the buffer overflow. The queue is bounded: past it, the reader waits and the
/// kernel drops, as it would without the thread.
fn read_in_background(socket: UdpSocket) -> mpsc::Receiver<std::io::Result<(Vec<u8>, SocketAddr)>> {
    let (sender, receiver) = mpsc::sync_channel(QUEUE);
    std::thread::spawn(move || {
        let mut buffer = vec![0; DATAGRAM];
        loop {
            let read = match socket.recv_from(&mut buffer) {
                Ok((len, source)) => Ok((buffer[..len].to_vec(), source)),
                // An ICMP port unreachable for an earlier response surfaces here on some systems
                // (Windows reports it as a reset): the peer is gone, the server is not.
                Err(error)
                    if matches!(
                        error.kind(),
                        std::io::ErrorKind::ConnectionRefused
                            | std::io::ErrorKind::ConnectionReset
                            | std::io::ErrorKind::Interrupted
                    ) =>
                {
                    continue;
                }
                Err(error) => Err(error),
            };
            let failed = read.is_err();
            // The server has exited when nobody receives: so does the reader.
            if sender.send(read).is_err() || failed {
                return;
            }
        }
    });
    receiver
}

/// The server: its socket and what it remembers of transactions and dialogs.
struct Uas {
    socket: UdpSocket,
    local: SocketAddr,
    /// Keys that make To tags unguessable yet stable per dialog (RFC 3261 §19.3).
    tag_keys: RandomState,
    /// The final response sent for each recent server transaction (§17.2.3).
    transactions: Bounded<TransactionKey, Vec<u8>>,
    /// The dialogs that a 200 to INVITE created and no BYE ended yet (§12).
    dialogs: Bounded<DialogId, ()>,
    /// Final responses to INVITE that wait for their ACK.
    pending: Vec<Retransmission>,
    calls: u64,
    max_calls: u64,
}

impl Uas {
    fn new(socket: UdpSocket, local: SocketAddr, max_calls: u64) -> Uas {
        Uas {
            socket,
            local,
            tag_keys: RandomState::new(),
            transactions: Bounded::new(MAX_TRANSACTIONS, Some(TRANSACTION_LIFETIME)),
            // A dialog lasts until its BYE, however long the call.
            dialogs: Bounded::new(MAX_DIALOGS, None),
            pending: Vec::new(),
            calls: 0,
            max_calls,
        }
    }

    fn is_idle(&self) -> bool {
        self.pending.is_empty() && self.dialogs.is_empty()
    }

    fn receive(&mut self, datagram: &[u8], source: SocketAddr) {
        let request = match Request::parse(datagram) {
            Ok(request) => request,
            Err(dropped) => {
                eprintln!("{source}: dropped {} bytes: {dropped}", datagram.len());
                return;
            }
        };
        // ACK never gets a response (RFC 3261 §17.1.1.3): it only ends a retransmission.
        if request.method == "ACK" {
            let acknowledged = request.invite_id();
            self.pending.retain(|waiting| waiting.invite != acknowledged);
            eprintln!("{source}: ACK absorbed");
            return;
        }
        let key = request.transaction_key(request.method);
        if let Some(response) = self.transactions.get(&key) {
            eprintln!(
                "{source}: {} retransmitted, the same response sent again ({})",
                request.method,
                request.call_id()
            );
            let response = response.clone();
            self.send(&response, source);
            return;
        }
        let response = self.respond(&request);
        let line = String::from_utf8_lossy(response.split(|&b| b == b'\r').next().unwrap_or_default());
        eprintln!("{source}: {} {} ({}) -> {line}", request.method, request.uri, request.call_id());
        if request.method == "INVITE" {
            // Bounded like the rest of the memory: a flood of INVITEs that never ACK cannot grow it.
            if self.pending.len() >= MAX_PENDING {
                self.pending.remove(0);
            }
            self.pending.push(Retransmission {
                invite: request.invite_id(),
                response: response.clone(),
                destination: source,
                next: Instant::now() + T1,
                interval: T1,
                give_up: Instant::now() + 64 * T1,
            });
        }
        self.send(&response, source);
        self.transactions.insert(key, response, Instant::now());
    }

    /// Forgets the transactions whose lifetime is over.
    fn forget(&mut self, now: Instant) {
        self.transactions.expire(now);
    }

    /// The response to a new request, with the state changes it brings.
    fn respond(&mut self, request: &Request) -> Vec<u8> {
        if let Some(refusal) = request.defect {
            return self.response(request, &refusal, &[]);
        }
        let (scheme, user) = match request_uri_user(request.uri) {
            Ok(parts) => parts,
            Err(refusal) => return self.response(request, &refusal, &[]),
        };
        // §8.2.2.1: a scheme the UAS does not understand is refused with 416.
        if !scheme.eq_ignore_ascii_case("sip") && !scheme.eq_ignore_ascii_case("sips") {
            return self.response(request, &Refusal::UriScheme, &[]);
        }
        let allow = [("Allow", ALLOW)];
        match request.method {
            "INVITE" => self.invite(request, user),
            "OPTIONS" => {
                // §11.2: the code an INVITE would have got; a URI without user names the server itself.
                let options = [("Allow", ALLOW), ("Accept", "application/sdp")];
                match if user.is_empty() { Ok(()) } else { place_call(user) } {
                    Ok(()) => self.response(request, &Success, &options),
                    Err(error) => self.response(request, &error, &options),
                }
            }
            "BYE" => {
                let dialog = request.dialog_id();
                if dialog.as_ref().is_some_and(|dialog| self.dialogs.remove(dialog)) {
                    self.response(request, &Success, &[])
                } else {
                    self.response(request, &Refusal::NoSuchTransaction, &[])
                }
            }
            "CANCEL" => {
                // §9.2: the CANCEL matches its INVITE by the INVITE's transaction key. The INVITE was
                // answered already, so the CANCEL changes nothing but gets 200.
                if self.transactions.get(&request.transaction_key("INVITE")).is_some() {
                    self.response(request, &Success, &[])
                } else {
                    self.response(request, &Refusal::NoSuchTransaction, &[])
                }
            }
            method if KNOWN_METHODS.contains(&method) => {
                self.response(request, &Refusal::MethodNotAllowed, &allow)
            }
            _ => self.response(request, &Refusal::UnknownMethod, &allow),
        }
    }

    fn invite(&mut self, request: &Request, user: &str) -> Vec<u8> {
        let contact = format!("<sip:{user}@{}>", self.local);
        let contact = [("Contact", contact.as_str())];
        if request.local_tag().is_some() {
            // A re-INVITE (§14.2): only within a dialog we know.
            return match request.dialog_id().filter(|dialog| self.dialogs.contains(dialog)) {
                Some(_) => self.response(request, &Success, &contact),
                None => self.response(request, &Refusal::NoSuchTransaction, &[]),
            };
        }
        if self.calls >= self.max_calls {
            return self.response(request, &Refusal::CallLimit, &[]);
        }
        self.calls += 1;
        match place_call(user) {
            Ok(()) => {
                let response = self.response(request, &Success, &contact);
                if let Some(from_tag) = request.remote_tag() {
                    self.dialogs.insert(
                        DialogId {
                            call_id: request.call_id().to_owned(),
                            local_tag: self.tag_for(request),
                            remote_tag: from_tag.to_owned(),
                        },
                        (),
                        Instant::now(),
                    );
                }
                response
            }
            Err(error) => self.response(request, &error, &[]),
        }
    }

    /// The To tag of our side of the dialog: a keyed hash of what names the dialog on the caller's
    /// side, so it is the same for every request of the dialog, and unguessable (§19.3).
    fn tag_for(&self, request: &Request) -> String {
        let call_id = request.call_id();
        let from_tag = request.remote_tag().unwrap_or_default();
        format!("{:016x}", self.tag_keys.hash_one((call_id, from_tag)))
    }

    /// A response that copies Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2).
    fn response(&self, request: &Request, answer: &dyn SipResponse, extra: &[(&str, &str)]) -> Vec<u8> {
        // Every reason here is a registered phrase or one that `#[sip(reason = …)]` checked at
        // compile time, and no code is a stack-local 7xx, so `StatusLine::new` succeeds; the
        // fallbacks keep an example that never panics.
        let line = StatusLine::new(answer.status(), answer.reason())
            .or_else(|_| StatusLine::canonical(answer.status()))
            .map(|line| line.to_string())
            .unwrap_or_else(|_| "SIP/2.0 500 Server Internal Error".to_owned());
        let mut text = format!("{line}\r\n");
        for via in &request.vias {
            text.push_str(&format!("Via: {via}\r\n"));
        }
        if let Some(from) = &request.from {
            text.push_str(&format!("From: {from}\r\n"));
        }
        if let Some(to) = &request.to {
            // §8.2.6.2: the UAS adds a tag to To unless the request had one (or the response is 100).
            match request.local_tag() {
                Some(_) => text.push_str(&format!("To: {to}\r\n")),
                None => text.push_str(&format!("To: {to};tag={}\r\n", self.tag_for(request))),
            }
        }
        if let Some(call_id) = &request.call_id {
            text.push_str(&format!("Call-ID: {call_id}\r\n"));
        }
        text.push_str(&format!("CSeq: {}\r\n", request.cseq));
        for (name, value) in extra {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
        // RFC 6432 §3: a failure response may say, in Reason, which Q.850 cause a gateway
        // releases the call with; the derive gives each error its cause (RFC 3398's mapping of
        // its status, or its own `q850 = …`).
        if answer.status().as_u16() >= 300
            && let Some(cause) = answer.q850_cause()
        {
            let reason = Reason::q850(cause);
            // The Q.850 text, where Q.850 names the cause; no text otherwise.
            let reason = match cause.text() {
                Some(words) => reason.with_text(words).unwrap_or(reason),
                None => reason,
            };
            text.push_str(&format!("Reason: {reason}\r\n"));
        }
        text.push_str("Server: sip-codes uas example\r\nContent-Length: 0\r\n\r\n");
        text.into_bytes()
    }

    fn send(&self, response: &[u8], destination: SocketAddr) {
        if let Err(error) = self.socket.send_to(response, destination) {
            eprintln!("{destination}: the response of {} bytes could not be sent: {error}", response.len());
        }
    }

    fn retransmit(&mut self, now: Instant) {
        self.pending.retain(|waiting| waiting.give_up > now);
        let mut due = Vec::new();
        for waiting in self.pending.iter_mut().filter(|waiting| waiting.next <= now) {
            // §17.2.1: Timer G doubles up to T2 (the 2xx of §13.3.1.4 follows the same schedule).
            waiting.interval = (waiting.interval * 2).min(T2);
            waiting.next = now + waiting.interval;
            due.push((waiting.response.clone(), waiting.destination));
        }
        for (response, destination) in due {
            self.send(&response, destination);
        }
    }

    fn next_retransmission(&self) -> Option<Instant> {
        self.pending.iter().map(|waiting| waiting.next.min(waiting.give_up)).min()
    }
}

/// A final response to INVITE, sent again until its ACK arrives.
struct Retransmission {
    invite: InviteId,
    response: Vec<u8>,
    destination: SocketAddr,
    next: Instant,
    interval: Duration,
    give_up: Instant,
}

/// What an ACK shares with its INVITE, whether it acknowledges a 2xx (a new transaction, §13.2.2.4)
/// or another final response (the same transaction, §17.1.1.3): Call-ID, From tag, CSeq number.
#[derive(Debug, Clone, PartialEq, Eq)]
struct InviteId {
    call_id: String,
    from_tag: String,
    cseq: String,
}

/// Matches a request to its server transaction (RFC 3261 §17.2.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum TransactionKey {
    /// The branch of the top Via, with its magic cookie, and its sent-by.
    Branch { branch: String, sent_by: String, method: String },
    /// RFC 2543 clients send no magic cookie: match on the dialog fields and the top Via instead.
    Legacy { call_id: String, from_tag: String, cseq: String, top_via: String, method: String },
}

/// Identifies a dialog from our side (RFC 3261 §12).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct DialogId {
    call_id: String,
    local_tag: String,
    remote_tag: String,
}

/// A map whose entries expire after a lifetime (if it has one), and which forgets its oldest
/// entry once it holds `capacity` entries. Removal is lazy: the order queue may keep a key that
/// was removed or inserted again, and each entry's sequence number tells which queue item is its.
struct Bounded<K, V> {
    entries: HashMap<K, (V, u64)>,
    order: VecDeque<(u64, Option<Instant>, K)>,
    capacity: usize,
    lifetime: Option<Duration>,
    next: u64,
}

impl<K: Clone + Eq + Hash, V> Bounded<K, V> {
    fn new(capacity: usize, lifetime: Option<Duration>) -> Bounded<K, V> {
        Bounded { entries: HashMap::new(), order: VecDeque::new(), capacity, lifetime, next: 0 }
    }

    fn insert(&mut self, key: K, value: V, now: Instant) {
        let sequence = self.next;
        self.next += 1;
        self.entries.insert(key.clone(), (value, sequence));
        self.order.push_back((sequence, self.lifetime.map(|lifetime| now + lifetime), key));
        while self.entries.len() > self.capacity || self.order.len() > 2 * self.capacity {
            if !self.pop_oldest() {
                break;
            }
        }
    }

    /// Removes the entries whose lifetime is over at `now`.
    fn expire(&mut self, now: Instant) {
        while self.order.front().is_some_and(|(_, deadline, _)| deadline.is_some_and(|at| at <= now)) {
            self.pop_oldest();
        }
    }

    /// Drops the oldest queue item, and its entry if the item is the entry's own.
    fn pop_oldest(&mut self) -> bool {
        let Some((sequence, _, key)) = self.order.pop_front() else { return false };
        if self.entries.get(&key).is_some_and(|(_, current)| *current == sequence) {
            self.entries.remove(&key);
        }
        true
    }

    fn get(&self, key: &K) -> Option<&V> {
        self.entries.get(key).map(|(value, _)| value)
    }

    fn contains(&self, key: &K) -> bool {
        self.entries.contains_key(key)
    }

    fn remove(&mut self, key: &K) -> bool {
        self.entries.remove(key).is_some()
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A request as far as this UAS reads it: the start line, and the header fields it copies.
#[derive(Debug)]
struct Request<'a> {
    method: &'a str,
    uri: &'a str,
    /// Every Via header field value, in order.
    vias: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    call_id: Option<String>,
    cseq: String,
    /// The first defect found, answered with its refusal.
    defect: Option<Refusal>,
}

/// Why a datagram gets no response at all.
#[derive(Debug)]
enum Dropped {
    Empty,
    NotUtf8,
    Response,
    NoRequestLine,
    NoVia,
    NoCSeq,
}

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Dropped::Empty => "it is empty or a keep-alive (RFC 5626 §3.5.1)",
            Dropped::NotUtf8 => "its header section is not UTF-8 text (RFC 3261 §7)",
            Dropped::Response => "it is a response, and this UAS sends no requests",
            Dropped::NoRequestLine => {
                "it does not start with a request line `METHOD URI SIP/2.0` (RFC 3261 §7.1)"
            }
            Dropped::NoVia => {
                "it has no Via header, so a response could not be matched to it (RFC 3261 §17.1.3)"
            }
            Dropped::NoCSeq => {
                "it has no CSeq header, so a response could not be matched to it (RFC 3261 §17.1.3)"
            }
        })
    }
}

impl<'a> Request<'a> {
    /// Reads a datagram; never panics, whatever the bytes.
    fn parse(datagram: &'a [u8]) -> Result<Request<'a>, Dropped> {
        let (head, body) = split_head(datagram);
        let head = std::str::from_utf8(head).map_err(|_| Dropped::NotUtf8)?;
        // §7.5: CRLFs before the start line are ignored; nothing but them is a keep-alive.
        let mut lines = head.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line));
        let start = lines.by_ref().find(|line| !line.is_empty()).ok_or(Dropped::Empty)?;
        if start.get(..4).is_some_and(|sip| sip.eq_ignore_ascii_case("SIP/")) {
            return Err(Dropped::Response);
        }
        // §7.1: Request-Line = Method SP Request-URI SP SIP-Version, single spaces.
        let mut parts = start.split(' ');
        let (Some(method), Some(uri), Some(version), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(Dropped::NoRequestLine);
        };
        let is_version = version.get(..4).is_some_and(|sip| sip.eq_ignore_ascii_case("SIP/"));
        if !is_token(method) || uri.is_empty() || !is_version {
            return Err(Dropped::NoRequestLine);
        }

        let mut defects = Vec::new();
        let mut fields: Vec<(&str, String)> = Vec::new();
        // The head ends at the empty line that `split_head` found.
        for line in lines.take_while(|line| !line.is_empty()) {
            if line.starts_with([' ', '\t']) {
                // §7.3.1: a line that starts with whitespace continues the previous field, and
                // the line break with its whitespace counts as one space.
                match fields.last_mut() {
                    Some((_, value)) => {
                        value.push(' ');
                        value.push_str(line.trim_matches([' ', '\t']));
                    }
                    None => defects.push(Refusal::MalformedHeaderLine),
                }
                continue;
            }
            match line.split_once(':') {
                // §7.3.1: whitespace may stand before the colon and around the value.
                Some((name, value)) if is_token(name.trim_end_matches([' ', '\t'])) => fields
                    .push((name.trim_end_matches([' ', '\t']), value.trim_matches([' ', '\t']).to_owned())),
                _ => defects.push(Refusal::MalformedHeaderLine),
            }
        }

        let mut vias = Vec::new();
        let (mut from, mut to, mut call_id, mut cseq, mut content_length) = (None, None, None, None, None);
        for (name, value) in fields {
            // §7.3.3: compact forms; §7.3.1: names are case-insensitive.
            let single = match canonical_name(name) {
                Some("Via") => {
                    vias.push(value);
                    continue;
                }
                Some("From") => &mut from,
                Some("To") => &mut to,
                Some("Call-ID") => &mut call_id,
                Some("CSeq") => &mut cseq,
                Some("Content-Length") => &mut content_length,
                _ => continue,
            };
            // §7.3.1: only a header whose value is a comma-separated list may appear twice.
            if single.replace(value).is_some() {
                defects.push(Refusal::DuplicateHeader);
            }
        }
        if vias.iter().all(String::is_empty) {
            return Err(Dropped::NoVia);
        }
        let cseq = cseq.ok_or(Dropped::NoCSeq)?;

        // §8.2.2 and §21.5.7: a version other than 2.0 is refused before anything else is read.
        if !version.eq_ignore_ascii_case("SIP/2.0") {
            defects.insert(0, Refusal::Version);
        }
        if top_via(&vias).is_none() {
            defects.push(Refusal::MalformedVia);
        }
        if from.is_none() {
            defects.push(Refusal::MissingFrom);
        }
        if to.is_none() {
            defects.push(Refusal::MissingTo);
        }
        if call_id.as_deref().is_none_or(str::is_empty) {
            defects.push(Refusal::MissingCallId);
        }
        match cseq.split_once([' ', '\t']) {
            // §8.1.1.5: the sequence number is a 32-bit unsigned integer below 2**31.
            Some((number, cseq_method)) if number.parse::<u32>().is_ok_and(|n| n < 1 << 31) => {
                if cseq_method.trim_start_matches([' ', '\t']) != method {
                    defects.push(Refusal::CSeqMethodMismatch);
                }
            }
            _ => defects.push(Refusal::MalformedCSeq),
        }
        if let Some(length) = content_length {
            match length.parse::<usize>() {
                // §18.3: over UDP, a body shorter than Content-Length is answered with 400; the
                // bytes after the body are discarded.
                Ok(length) if length > body.len() => defects.push(Refusal::TruncatedBody),
                Ok(_) => {}
                Err(_) => defects.push(Refusal::MalformedContentLength),
            }
        }
        Ok(Request { method, uri, vias, from, to, call_id, cseq, defect: defects.first().copied() })
    }

    fn call_id(&self) -> &str {
        self.call_id.as_deref().unwrap_or_default()
    }

    /// The caller's tag: the From tag, the remote tag of our dialog (§12.2.2).
    fn remote_tag(&self) -> Option<&str> {
        self.from.as_deref().and_then(tag)
    }

    /// Our tag, which an in-dialog request carries in To (§12.2.2).
    fn local_tag(&self) -> Option<&str> {
        self.to.as_deref().and_then(tag)
    }

    fn cseq_number(&self) -> &str {
        self.cseq.split([' ', '\t']).next().unwrap_or_default()
    }

    fn invite_id(&self) -> InviteId {
        InviteId {
            call_id: self.call_id().to_owned(),
            from_tag: self.remote_tag().unwrap_or_default().to_owned(),
            cseq: self.cseq_number().to_owned(),
        }
    }

    /// Our dialog that this in-dialog request names: the To tag is ours, the From tag theirs.
    fn dialog_id(&self) -> Option<DialogId> {
        Some(DialogId {
            call_id: self.call_id.clone()?,
            local_tag: self.local_tag()?.to_owned(),
            remote_tag: self.remote_tag()?.to_owned(),
        })
    }

    /// The key of the server transaction of this request, as if its method were `method`: an ACK
    /// or a CANCEL looks for the transaction of its INVITE (§17.2.3, §9.2).
    fn transaction_key(&self, method: &str) -> TransactionKey {
        let method = if method == "ACK" { "INVITE" } else { method }.to_owned();
        match top_via(&self.vias) {
            // §8.1.1.7: the magic cookie says the branch is unique across space and time.
            Some(Via { sent_by, branch: Some(branch) }) if branch.starts_with("z9hG4bK") => {
                TransactionKey::Branch {
                    branch: branch.to_owned(),
                    sent_by: sent_by.to_ascii_lowercase(),
                    method,
                }
            }
            _ => TransactionKey::Legacy {
                call_id: self.call_id().to_owned(),
                from_tag: self.remote_tag().unwrap_or_default().to_owned(),
                cseq: self.cseq_number().to_owned(),
                top_via: self.vias.first().cloned().unwrap_or_default(),
                method,
            },
        }
    }
}

/// The header section and the body: they part at the first empty line after the start line,
/// whether lines end in CRLF or LF (§7.5).
fn split_head(datagram: &[u8]) -> (&[u8], &[u8]) {
    let mut line_start = 0;
    let mut seen_start_line = false;
    for (index, &byte) in datagram.iter().enumerate() {
        if byte != b'\n' {
            continue;
        }
        let line = &datagram[line_start..index];
        let is_empty = line.is_empty() || line == b"\r";
        if is_empty && seen_start_line {
            return (&datagram[..line_start], &datagram[index + 1..]);
        }
        seen_start_line |= !is_empty;
        line_start = index + 1;
    }
    // No empty line: the datagram still frames the message (§18.3), so it is all head.
    (datagram, &[])
}

/// The long name of a header this UAS reads, from any case and the compact form (§7.3.3).
fn canonical_name(name: &str) -> Option<&'static str> {
    const NAMES: [(&str, &str); 6] =
        [("Via", "v"), ("From", "f"), ("To", "t"), ("Call-ID", "i"), ("CSeq", ""), ("Content-Length", "l")];
    NAMES
        .iter()
        .find(|(long, compact)| {
            name.eq_ignore_ascii_case(long) || (!compact.is_empty() && name.eq_ignore_ascii_case(compact))
        })
        .map(|(long, _)| *long)
}

/// `token` of RFC 3261 §25.1: method and header names.
fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&b))
}

/// The parts of the top Via this UAS needs.
struct Via<'a> {
    sent_by: &'a str,
    branch: Option<&'a str>,
}

/// The first value of the first Via: `SIP/2.0/UDP host:port;branch=…` (§20.42).
fn top_via(vias: &[String]) -> Option<Via<'_>> {
    let first = vias.first()?.split(',').next()?.trim();
    let (protocol, rest) = first.split_once([' ', '\t'])?;
    let mut protocol = protocol.split('/');
    let (Some(sip), Some(_version), Some(transport), None) =
        (protocol.next(), protocol.next(), protocol.next(), protocol.next())
    else {
        return None;
    };
    if !sip.eq_ignore_ascii_case("SIP") || !is_token(transport) {
        return None;
    }
    let mut params = rest.split(';');
    let sent_by = params.next()?.trim();
    if sent_by.is_empty() {
        return None;
    }
    let branch = params
        .filter_map(|param| param.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("branch"))
        .map(|(_, value)| value.trim());
    Some(Via { sent_by, branch })
}

/// The `tag` parameter of a From or To value, outside the `<…>` that may hold URI parameters.
fn tag(value: &str) -> Option<&str> {
    let params = match value.rfind('>') {
        Some(end) => &value[end + 1..],
        None => value.split_once(';').map_or("", |(_, params)| params),
    };
    params
        .split(';')
        .filter_map(|param| param.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("tag"))
        .map(|(_, tag)| tag.trim())
        .filter(|tag| !tag.is_empty())
}

/// The scheme and user of a Request-URI such as `sip:busy@127.0.0.1:5060;transport=udp` (§19.1.1).
/// A URI without user part names the host itself: its user is empty.
fn request_uri_user(uri: &str) -> Result<(&str, &str), Refusal> {
    let (scheme, rest) = uri.split_once(':').ok_or(Refusal::MalformedRequestUri)?;
    if !is_token(scheme) || rest.is_empty() {
        return Err(Refusal::MalformedRequestUri);
    }
    let user = match rest.split_once('@') {
        // userinfo = user [":" password] "@"
        Some((userinfo, _host)) => userinfo.split(':').next().unwrap_or_default(),
        None => "",
    };
    Ok((scheme, user))
}
