//! The capture reader: pcap and pcapng files (gzip-compressed too) in, SIP
//! messages out, with everything skipped counted.
//!
//! ```text
//! let mut reader = Reader::new(Limits::default());
//! for path in paths {                       // several files are one trace
//!     if let Err(error) = reader.read_path(path, &mut handler) { eprintln!("{error}") }
//! }
//! let stats = reader.finish(&mut handler);  // streams left open are reported
//! ```
//!
//! What is read: link layers Ethernet (with 802.1Q and QinQ tags), Linux
//! cooked (SLL and SLL2), raw IP and BSD loopback (null and loop); IPv4 and
//! IPv6, fragments reassembled; SIP over UDP on any port, found by its start
//! line; SIP over TCP, each stream reassembled and cut into messages by
//! Content-Length (RFC 3261 §18.3).
//!
//! What is not read, and counted in [`Stats`]: TLS (and so SIPS and WSS),
//! WebSocket (RFC 7118), SCTP, other link layers and network protocols, and
//! whatever is not SIP.
//!
//! Capture data is hostile: no input makes the reader panic, memory is
//! bounded by [`Limits`] (open TCP streams and IP datagrams in reassembly,
//! the largest block), not by the file's size, and a bad frame is a
//! [`Diagnostic`] with its frame number while the reading goes on.

mod file;
mod frag;
mod packet;
mod sip;
mod tcp;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod write;

use std::fmt;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

pub use file::{CaptureError, CaptureErrorKind, Format};
pub use sip::{Headers, MAX_HEADER_LINES, Message, MessageError, StartLine};
pub(crate) use sip::{TraceFields, scan};

/// One SIP message found in a capture, borrowing the captured bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SipMessage<'a> {
    /// Which file of the trace, counted from 0 in the order read.
    pub file: usize,
    /// The frame number in that file, counted from 1 as Wireshark does.
    /// Over TCP, the frame whose segment completed the message.
    pub frame: u64,
    /// When that frame was captured.
    pub time: Timestamp,
    /// The sender.
    pub src: SocketAddr,
    /// The receiver.
    pub dst: SocketAddr,
    /// How it travelled.
    pub transport: Transport,
    /// The message: a whole UDP datagram, or one message cut from a TCP
    /// stream. [`Message::parse`] splits it.
    pub bytes: &'a [u8],
}

/// The transport a message was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transport {
    /// UDP (after IP reassembly, if it was fragmented).
    Udp,
    /// TCP (after stream reassembly).
    Tcp,
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Transport::Udp => "UDP",
            Transport::Tcp => "TCP",
        })
    }
}

/// A capture time: nanoseconds since the Unix epoch, at the resolution the
/// capture has (microseconds for classic pcap, what the interface says for
/// pcapng, nanoseconds at most).
///
/// One `i64`, half the size of seconds and nanoseconds apart: the trace
/// model keeps several per open transaction and call, and at 2,000 calls a
/// second their tables outgrow the processor's caches. It spans the years
/// 1677 to 2262; a time outside (only a broken or hostile capture has one)
/// is held at the nearer end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    nanos: i64,
}

const NANOS_PER_SEC: i64 = 1_000_000_000;

impl Timestamp {
    /// No known time: a packet the capture gave no time (a pcapng simple
    /// packet block with no packet before it in its file). It is the epoch,
    /// which no capture is made at; the trace model leaves it out of the
    /// trace's first time, its clock and every delay.
    pub const UNKNOWN: Timestamp = Timestamp { nanos: 0 };

    /// Whether this is a capture time, not [`Timestamp::UNKNOWN`].
    pub fn is_known(self) -> bool {
        self != Timestamp::UNKNOWN
    }

    /// A time from seconds and nanoseconds; nanoseconds past a second carry.
    pub fn new(secs: i64, nanos: u32) -> Timestamp {
        let total = i128::from(secs) * i128::from(NANOS_PER_SEC) + i128::from(nanos);
        let nanos = total.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        Timestamp { nanos }
    }

    /// Whole seconds since the epoch (rounded down).
    pub fn secs(self) -> i64 {
        self.nanos.div_euclid(NANOS_PER_SEC)
    }

    /// Nanoseconds past the second.
    pub fn subsec_nanos(self) -> u32 {
        self.nanos.rem_euclid(NANOS_PER_SEC) as u32
    }

    /// Microseconds since the epoch.
    pub fn as_micros(self) -> i64 {
        self.nanos.div_euclid(1_000)
    }

    /// The time from `earlier` to `self`, or `None` if `earlier` is later.
    pub fn since(self, earlier: Timestamp) -> Option<Duration> {
        (self >= earlier).then(|| Duration::from_nanos(self.nanos.abs_diff(earlier.nanos)))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:09}", self.secs(), self.subsec_nanos())
    }
}

/// What [`Display`](fmt::Display) writes, read back: `secs.nanos` with
/// nine digits of nanoseconds (as reports give a capture's first and last
/// times).
impl std::str::FromStr for Timestamp {
    type Err = InvalidTimestamp;

    fn from_str(text: &str) -> Result<Timestamp, InvalidTimestamp> {
        let (secs, nanos) = text.split_once('.').ok_or(InvalidTimestamp)?;
        if nanos.len() != 9 || !nanos.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidTimestamp);
        }
        Ok(Timestamp::new(
            secs.parse().map_err(|_| InvalidTimestamp)?,
            nanos.parse().map_err(|_| InvalidTimestamp)?,
        ))
    }
}

/// A text that is not `secs.nanos`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidTimestamp;

/// The bounds that keep memory independent of a capture's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The longest SIP message over TCP, head and body (a longer
    /// Content-Length makes the stream lose its place).
    pub max_message: usize,
    /// TCP streams followed at once; past it, the stream idle longest is dropped.
    pub max_tcp_streams: usize,
    /// Bytes of out-of-order segments held per stream before the missing
    /// bytes are given up as a gap.
    pub max_tcp_pending: usize,
    /// Seconds of capture time after which an idle TCP stream is dropped.
    pub tcp_idle_secs: u32,
    /// IP datagrams in reassembly at once (each at most 64 KiB).
    pub max_fragmented: usize,
    /// Fragments one datagram may have.
    pub max_fragments: usize,
    /// Seconds of capture time a datagram may wait for its fragments
    /// (Linux's default `ipfrag_time`).
    pub fragment_secs: u32,
    /// The largest pcap record or pcapng block, in bytes.
    pub max_block: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_message: 256 * 1024,
            max_tcp_streams: 16 * 1024,
            max_tcp_pending: 512 * 1024,
            tcp_idle_secs: 600,
            max_fragmented: 1024,
            max_fragments: 64,
            fragment_secs: 30,
            max_block: 16 * 1024 * 1024,
        }
    }
}

/// What was read and what was skipped, for a trace. Frames are counted once,
/// under the first reason that applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files read (in full or until their error).
    pub files: u64,
    /// Packet records (pcap) or packet blocks (pcapng).
    pub frames: u64,
    /// Captured bytes of those frames.
    pub bytes: u64,
    /// SIP messages found in UDP datagrams.
    pub sip_udp: u64,
    /// SIP messages cut from TCP streams.
    pub sip_tcp: u64,
    /// Frames cut short by the snap length, skipped.
    pub truncated: u64,
    /// Frames whose link, IP or TCP header is broken, skipped.
    pub malformed: u64,
    /// Frames of a link layer this reader does not decode.
    pub unsupported_link: u64,
    /// Frames that carry no IP (ARP, LLDP, ...).
    pub non_ip: u64,
    /// SCTP packets (not decoded).
    pub sctp: u64,
    /// IP packets of other protocols (ICMP, ESP, ...).
    pub other_ip: u64,
    /// UDP datagrams that are not SIP (RTP, DNS, STUN, ...).
    pub udp_not_sip: u64,
    /// CRLF keepalives (RFC 5626), over UDP (datagrams) and TCP (runs).
    pub keepalives: u64,
    /// IP fragments seen.
    pub fragments: u64,
    /// Datagrams put back together from fragments.
    pub reassembled: u64,
    /// Fragments dropped: bad offsets, limits, or never completed.
    pub fragments_dropped: u64,
    /// TCP streams that look like TLS (SIPS, WSS): not decoded.
    pub tcp_tls_streams: u64,
    /// TCP streams that open a WebSocket (RFC 7118): not decoded.
    pub tcp_websocket_streams: u64,
    /// TCP streams that carry something else (HTTP, ...).
    pub tcp_other_streams: u64,
    /// TCP segments of those streams, skipped.
    pub tcp_segments_skipped: u64,
    /// TCP segments seen before (retransmissions), skipped.
    pub tcp_retransmissions: u64,
    /// Holes in TCP streams: bytes never captured, the message around them lost.
    pub tcp_gaps: u64,
    /// Bytes skipped to find the next start line in a stream, or captured
    /// late and out of order before where a stream met mid-connection starts.
    pub tcp_bytes_skipped: u64,
    /// Messages over TCP that could not be framed (bad Content-Length, too long).
    pub tcp_bad_messages: u64,
    /// Streams dropped before they ended, to stay within the limits.
    pub tcp_streams_evicted: u64,
    /// Streams that ended (or the capture did) in the middle of a message.
    pub tcp_incomplete: u64,
}

impl Stats {
    /// Adds another trace's counts to these.
    pub fn merge(&mut self, other: &Stats) {
        let Stats {
            files,
            frames,
            bytes,
            sip_udp,
            sip_tcp,
            truncated,
            malformed,
            unsupported_link,
            non_ip,
            sctp,
            other_ip,
            udp_not_sip,
            keepalives,
            fragments,
            reassembled,
            fragments_dropped,
            tcp_tls_streams,
            tcp_websocket_streams,
            tcp_other_streams,
            tcp_segments_skipped,
            tcp_retransmissions,
            tcp_gaps,
            tcp_bytes_skipped,
            tcp_bad_messages,
            tcp_streams_evicted,
            tcp_incomplete,
        } = other;
        self.files += files;
        self.frames += frames;
        self.bytes += bytes;
        self.sip_udp += sip_udp;
        self.sip_tcp += sip_tcp;
        self.truncated += truncated;
        self.malformed += malformed;
        self.unsupported_link += unsupported_link;
        self.non_ip += non_ip;
        self.sctp += sctp;
        self.other_ip += other_ip;
        self.udp_not_sip += udp_not_sip;
        self.keepalives += keepalives;
        self.fragments += fragments;
        self.reassembled += reassembled;
        self.fragments_dropped += fragments_dropped;
        self.tcp_tls_streams += tcp_tls_streams;
        self.tcp_websocket_streams += tcp_websocket_streams;
        self.tcp_other_streams += tcp_other_streams;
        self.tcp_segments_skipped += tcp_segments_skipped;
        self.tcp_retransmissions += tcp_retransmissions;
        self.tcp_gaps += tcp_gaps;
        self.tcp_bytes_skipped += tcp_bytes_skipped;
        self.tcp_bad_messages += tcp_bad_messages;
        self.tcp_streams_evicted += tcp_streams_evicted;
        self.tcp_incomplete += tcp_incomplete;
    }
}

/// A frame the reader could not use, and why; the reading goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Which file of the trace, counted from 0.
    pub file: usize,
    /// The frame number in that file, from 1.
    pub frame: u64,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The snap length cut the frame.
    Truncated {
        /// Bytes captured.
        captured: u32,
        /// Bytes on the wire.
        original: u32,
    },
    /// A header is broken; etherparse's words for it.
    Malformed(String),
    /// The link layer of this frame's interface is not decoded.
    UnsupportedLink(u32),
    /// A pcapng packet names an interface that no description block gave.
    UnknownInterface(u32),
    /// A fragment that cannot be placed, or a datagram given up.
    Fragment(&'static str),
    /// Bytes of a TCP stream were never captured; the message around them is lost.
    TcpGap,
    /// A message in a TCP stream cannot be framed; the stream looks for the next start line.
    TcpMessage(MessageError),
    /// A TCP stream ended, or was dropped, in the middle of a message.
    TcpIncomplete {
        /// Bytes of the unfinished message.
        bytes: usize,
    },
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "frame {}: ", self.frame)?;
        match &self.problem {
            Problem::Truncated { captured, original } => {
                write!(f, "cut by the snap length ({captured} of {original} bytes captured)")
            }
            Problem::Malformed(why) => write!(f, "malformed: {why}"),
            Problem::UnsupportedLink(link) => write!(f, "link type {link} is not decoded"),
            Problem::UnknownInterface(id) => write!(f, "interface {id} was never described"),
            Problem::Fragment(why) => write!(f, "IP fragment dropped: {why}"),
            Problem::TcpGap => {
                f.write_str("TCP bytes missing from the capture; the message around them is lost")
            }
            Problem::TcpMessage(error) => write!(f, "TCP stream: {error}"),
            Problem::TcpIncomplete { bytes } => {
                write!(f, "TCP stream ended {bytes} bytes into a message")
            }
        }
    }
}

/// What the reader hands its output to.
pub trait Handler {
    /// A SIP message, borrowed for the call.
    fn message(&mut self, message: &SipMessage<'_>);
    /// A frame that could not be used. Ignored unless overridden.
    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        let _ = diagnostic;
    }
}

/// Reads the files of one trace in order and keeps the reassembly state
/// between them: a TCP stream or fragmented datagram may cross files.
#[derive(Debug)]
pub struct Reader {
    limits: Limits,
    stats: Stats,
    files: usize,
    /// The last link type reported as not decoded, with its file: reported
    /// once, not for every frame.
    unsupported_link: Option<(usize, u32)>,
    frag: frag::Defragmenter,
    tcp: tcp::Streams,
}

impl Reader {
    /// A reader with these limits.
    pub fn new(limits: Limits) -> Reader {
        Reader {
            limits,
            stats: Stats::default(),
            files: 0,
            unsupported_link: None,
            frag: frag::Defragmenter::default(),
            tcp: tcp::Streams::default(),
        }
    }

    /// Reads one capture file, or standard input for `-`.
    pub fn read_path(&mut self, path: &Path, handler: &mut impl Handler) -> Result<Format, CaptureError> {
        if path.as_os_str() == "-" {
            self.read(std::io::stdin().lock(), handler)
        } else {
            match std::fs::File::open(path) {
                Ok(file) => self.read(file, handler),
                Err(error) => Err(self.open_failed(error)),
            }
        }
    }

    /// A file of the trace that could not be opened: it keeps its number,
    /// so that the files after it are numbered as given.
    pub fn open_failed(&mut self, error: std::io::Error) -> CaptureError {
        let file = self.files;
        self.files += 1;
        CaptureError::io(file, 0, false, error)
    }

    /// Reads one capture from any byte source: pcap or pcapng, gzip-compressed or not.
    pub fn read(
        &mut self,
        input: impl std::io::Read,
        handler: &mut impl Handler,
    ) -> Result<Format, CaptureError> {
        let file = self.files;
        self.files += 1;
        self.stats.files += 1;
        file::read(self, file, input, handler)
    }

    /// The counts so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Ends the trace: TCP streams stopped in the middle of a message and
    /// datagrams missing fragments are reported and counted.
    pub fn finish(mut self, handler: &mut impl Handler) -> Stats {
        self.tcp.finish(&mut self.stats, handler);
        self.frag.finish(&mut self.stats);
        self.stats
    }
}
