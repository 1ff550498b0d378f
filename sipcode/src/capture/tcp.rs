//! TCP streams put back in order and cut into SIP messages by
//! Content-Length (RFC 3261 §18.3).
//!
//! Each direction of a connection is a stream of its own. A segment in
//! order is framed where it lies when nothing is buffered (no copy); what is
//! left of it waits in the stream's buffer. Segments ahead of the next
//! expected byte wait, bounded; past the bound the missing bytes are a gap:
//! the message around them is lost and the stream looks for the next start
//! line. A stream whose capture starts mid-message does the same.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::net::SocketAddr;
use std::time::Duration;

use etherparse::TcpSlice;

use super::packet::Frame;
use super::sip::{self, MessageError, Start};
use super::{Handler, Limits, Problem, SipMessage, Stats, Timestamp, Transport};

/// Out-of-order segments held per stream, at most (besides the byte bound).
const MAX_PENDING_SEGMENTS: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// No byte seen yet; `syn` if the capture saw the connection open.
    Start { syn: bool },
    /// Messages follow one another.
    Sip,
    /// Looking for the next start line (after a gap, a bad message, or a
    /// capture that started mid-stream).
    Resync,
    /// Not SIP in clear (TLS, WebSocket, something else): segments counted only.
    Skip,
}

#[derive(Debug)]
struct Stream {
    /// Sequence number of the next byte expected.
    next: u32,
    mode: Mode,
    /// Bytes in order, not yet a whole message.
    buf: Vec<u8>,
    /// The file and frame where `buf`'s first byte arrived.
    buf_frame: (usize, u64),
    /// Segments ahead of `next`: (sequence number, bytes).
    pending: Vec<(u32, Vec<u8>)>,
    pending_bytes: usize,
    last: Timestamp,
    /// Where a stream met mid-connection (no SYN seen) starts: the first
    /// byte of the first segment seen. Bytes before it were never seen, so
    /// a segment of them arriving later is no retransmission.
    origin: Option<u32>,
}

/// The open streams, by (sender, receiver).
#[derive(Debug, Default)]
pub(crate) struct Streams {
    open: HashMap<(SocketAddr, SocketAddr), Stream>,
    last_sweep: Timestamp,
}

/// What a segment's delivery needs besides the stream.
struct Context<'a, 'f, H> {
    limits: &'a Limits,
    stats: &'a mut Stats,
    frame: &'a Frame<'f>,
    src: SocketAddr,
    dst: SocketAddr,
    handler: &'a mut H,
}

impl Streams {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn segment(
        &mut self,
        limits: &Limits,
        stats: &mut Stats,
        frame: &Frame<'_>,
        src: SocketAddr,
        dst: SocketAddr,
        tcp: &TcpSlice<'_>,
        handler: &mut impl Handler,
    ) {
        let key = (src, dst);
        let mut cx = Context { limits, stats, frame, src, dst, handler };
        if tcp.rst() {
            if let Some(stream) = self.open.remove(&key) {
                stream.report_unfinished(&mut cx);
            }
            return;
        }
        self.sweep(&mut cx, false);
        let payload = tcp.payload();
        // A SYN takes one sequence number before the data.
        let data_seq = tcp.sequence_number().wrapping_add(u32::from(tcp.syn()));
        if !self.open.contains_key(&key) {
            if payload.is_empty() && !tcp.syn() {
                return; // a bare ACK or FIN of a stream not followed: nothing to keep
            }
            self.make_room(&mut cx);
        }
        let stream = match self.open.entry(key) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(Stream {
                next: data_seq,
                mode: Mode::Start { syn: tcp.syn() },
                buf: Vec::new(),
                buf_frame: (frame.file, frame.number),
                pending: Vec::new(),
                pending_bytes: 0,
                last: frame.time,
                origin: (!tcp.syn()).then_some(data_seq),
            }),
        };
        stream.last = frame.time;
        if tcp.syn() && stream.buf.is_empty() && stream.pending.is_empty() {
            // A new connection on the same addresses starts afresh.
            stream.next = data_seq;
            stream.mode = Mode::Start { syn: true };
            stream.origin = None;
        }
        if stream.mode == Mode::Skip {
            if !payload.is_empty() {
                cx.stats.tcp_segments_skipped += 1;
            }
            if tcp.fin() {
                self.open.remove(&key);
            }
            return;
        }
        stream.receive(&mut cx, data_seq, payload);
        if tcp.fin()
            && stream.pending.is_empty()
            && stream.next == data_seq.wrapping_add(payload.len() as u32)
            && let Some(stream) = self.open.remove(&key)
        {
            stream.report_unfinished(&mut cx);
        }
    }

    /// Drops streams idle longer than the limit: at most once per quarter of
    /// it in capture time, unless `now`.
    fn sweep<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>, now: bool) {
        let idle = Duration::from_secs(cx.limits.tcp_idle_secs.into());
        let time = cx.frame.time;
        if !now && time.since(self.last_sweep).is_none_or(|since| since < idle / 4) {
            return;
        }
        self.last_sweep = time;
        let stale: Vec<_> = self
            .open
            .iter()
            .filter(|(_, stream)| time.since(stream.last).is_some_and(|age| age > idle))
            .map(|(key, _)| *key)
            .collect();
        for key in stale {
            if let Some(stream) = self.open.remove(&key) {
                stream.report_unfinished(cx);
            }
        }
    }

    /// Before a new stream: past the limit, the idle streams go, then the
    /// sixteenth of streams idle longest (a batch, so that a flood of new
    /// streams costs a sort per batch, not a scan per stream).
    fn make_room<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>) {
        if self.open.len() < cx.limits.max_tcp_streams {
            return;
        }
        self.sweep(cx, true);
        if self.open.len() < cx.limits.max_tcp_streams {
            return;
        }
        let mut ages: Vec<_> = self.open.iter().map(|(key, stream)| (stream.last, *key)).collect();
        let batch = (ages.len() / 16).max(1);
        ages.select_nth_unstable(batch - 1);
        for (_, key) in &ages[..batch] {
            if let Some(stream) = self.open.remove(key) {
                cx.stats.tcp_streams_evicted += 1;
                stream.report_unfinished(cx);
            }
        }
    }

    /// Streams followed.
    #[cfg(test)]
    pub(crate) fn open_streams(&self) -> usize {
        self.open.len()
    }

    /// At the end of the trace: streams stopped in the middle of a message,
    /// reported in frame order.
    pub(crate) fn finish(&mut self, stats: &mut Stats, handler: &mut impl Handler) {
        let mut unfinished: Vec<_> = self
            .open
            .drain()
            .filter(|(_, stream)| stream.unfinished() > 0)
            .map(|(_, stream)| (stream.buf_frame, stream.unfinished()))
            .collect();
        unfinished.sort_unstable();
        for ((file, frame), bytes) in unfinished {
            stats.tcp_incomplete += 1;
            handler.diagnostic(&super::Diagnostic { file, frame, problem: Problem::TcpIncomplete { bytes } });
        }
    }
}

impl Stream {
    /// Bytes of a message begun and not finished.
    fn unfinished(&self) -> usize {
        match self.mode {
            Mode::Sip | Mode::Start { .. } => self.buf.len() + self.pending_bytes,
            Mode::Resync | Mode::Skip => self.pending_bytes,
        }
    }

    fn report_unfinished<H: Handler>(&self, cx: &mut Context<'_, '_, H>) {
        let bytes = self.unfinished();
        if bytes > 0 {
            cx.stats.tcp_incomplete += 1;
            let (file, frame) = self.buf_frame;
            cx.handler.diagnostic(&super::Diagnostic {
                file,
                frame,
                problem: Problem::TcpIncomplete { bytes },
            });
        }
    }

    fn receive<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>, seq: u32, payload: &[u8]) {
        if payload.is_empty() {
            return;
        }
        // Wrapping distance from the next expected byte (RFC 9293 §3.4's
        // modular comparison).
        let ahead = seq.wrapping_sub(self.next) as i32;
        if ahead < 0 {
            let seen = ahead.unsigned_abs() as usize;
            if seen >= payload.len() {
                // Behind the next byte: seen already, unless it ends at or
                // before where the stream was first met (captured late, out
                // of order): then its bytes come before the stream's start.
                let end = seq.wrapping_add(payload.len() as u32);
                let before_start = self
                    .origin
                    .is_some_and(|origin| self.next.wrapping_sub(end) >= self.next.wrapping_sub(origin));
                if before_start {
                    cx.stats.tcp_bytes_skipped += payload.len() as u64;
                } else {
                    cx.stats.tcp_retransmissions += 1;
                }
                return;
            }
            self.accept(cx, &payload[seen..]);
        } else if ahead > 0 {
            let fits = self.pending.len() < MAX_PENDING_SEGMENTS
                && self.pending_bytes + payload.len() <= cx.limits.max_tcp_pending;
            self.pending.push((seq, payload.to_vec()));
            self.pending_bytes += payload.len();
            if fits {
                return;
            }
            self.gap(cx);
        } else {
            self.accept(cx, payload);
        }
        self.drain_pending(cx);
    }

    /// Takes the held segments that are now in order.
    fn drain_pending<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>) {
        while let Some(index) =
            self.pending.iter().position(|(seq, _)| seq.wrapping_sub(self.next) as i32 <= 0)
        {
            let (seq, bytes) = self.pending.swap_remove(index);
            self.pending_bytes -= bytes.len();
            let seen = self.next.wrapping_sub(seq) as usize;
            if seen < bytes.len() {
                self.accept(cx, &bytes[seen..]);
            } else {
                cx.stats.tcp_retransmissions += 1;
            }
        }
    }

    /// Gives up the bytes before the earliest held segment: the message in
    /// the buffer is lost, and the stream looks for the next start line.
    fn gap<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>) {
        cx.stats.tcp_gaps += 1;
        cx.handler.diagnostic(&super::Diagnostic {
            file: cx.frame.file,
            frame: cx.frame.number,
            problem: Problem::TcpGap,
        });
        let next = self.next;
        if let Some(&(earliest, _)) = self.pending.iter().min_by_key(|(seq, _)| seq.wrapping_sub(next)) {
            self.next = earliest;
        }
        cx.stats.tcp_bytes_skipped += self.buf.len() as u64;
        self.buf.clear();
        self.mode = match self.mode {
            Mode::Start { .. } | Mode::Sip | Mode::Resync => Mode::Resync,
            Mode::Skip => Mode::Skip,
        };
    }

    /// Bytes in order: frames what it can, keeps the rest.
    fn accept<H: Handler>(&mut self, cx: &mut Context<'_, '_, H>, bytes: &[u8]) {
        self.next = self.next.wrapping_add(bytes.len() as u32);
        if self.buf.is_empty() {
            let used = deliver(&mut self.mode, bytes, cx);
            if used < bytes.len() {
                self.buf.extend_from_slice(&bytes[used..]);
                self.buf_frame = (cx.frame.file, cx.frame.number);
            }
        } else {
            self.buf.extend_from_slice(bytes);
            let used = deliver(&mut self.mode, &self.buf, cx);
            self.buf.drain(..used);
        }
    }
}

/// What the first bytes of a stream say it carries.
fn classify(bytes: &[u8]) -> Option<Mode> {
    // A TLS record: handshake (22), version 3.x (RFC 8446 §5.1).
    if bytes.len() >= 2 && bytes[0] == 0x16 && bytes[1] == 0x03 {
        return Some(Mode::Skip);
    }
    match sip::start(bytes) {
        Start::Sip => Some(Mode::Sip),
        Start::NeedMore => None,
        Start::No => Some(Mode::Skip),
    }
}

/// Frames the messages at the start of `data`; how many bytes it used.
fn deliver<H: Handler>(mode: &mut Mode, data: &[u8], cx: &mut Context<'_, '_, H>) -> usize {
    let mut at = 0;
    loop {
        let rest = &data[at..];
        // CRLF keepalives between messages (RFC 5626 §3.5.1).
        let crlf = rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        if crlf > 0 {
            cx.stats.keepalives += 1;
            at += crlf;
            continue;
        }
        if rest.is_empty() {
            return at;
        }
        match *mode {
            Mode::Skip => return data.len(),
            Mode::Start { syn } => match classify(rest) {
                None => return at,
                Some(Mode::Skip) if !syn => *mode = Mode::Resync,
                Some(Mode::Skip) => {
                    let websocket = rest.starts_with(b"GET ")
                        && memchr::memmem::find(
                            &rest[..rest.len().min(4096)].to_ascii_lowercase(),
                            b"websocket",
                        )
                        .is_some();
                    if websocket {
                        cx.stats.tcp_websocket_streams += 1;
                    } else if rest[0] == 0x16 {
                        cx.stats.tcp_tls_streams += 1;
                    } else {
                        cx.stats.tcp_other_streams += 1;
                    }
                    cx.stats.tcp_segments_skipped += 1;
                    *mode = Mode::Skip;
                    return data.len();
                }
                Some(found) => *mode = found,
            },
            Mode::Resync => {
                // The next line that is a start line.
                let mut from = 0;
                loop {
                    let Some(line_end) = memchr::memchr(b'\n', &rest[from..]) else {
                        // Keep the unfinished last line, which may be a start
                        // line, unless it is already too long to be one.
                        let keep = if rest.len() - from > sip::MAX_START_LINE { rest.len() } else { from };
                        cx.stats.tcp_bytes_skipped += keep as u64;
                        return at + keep;
                    };
                    let line_start = from + line_end + 1;
                    match sip::start(&rest[line_start..]) {
                        Start::Sip => {
                            cx.stats.tcp_bytes_skipped += line_start as u64;
                            at += line_start;
                            *mode = Mode::Sip;
                            break;
                        }
                        Start::NeedMore => {
                            cx.stats.tcp_bytes_skipped += line_start as u64;
                            return at + line_start;
                        }
                        Start::No => from = line_start,
                    }
                }
            }
            Mode::Sip => {
                let framed = match sip::start(rest) {
                    Start::NeedMore => return at,
                    Start::No => Err(MessageError::StartLine),
                    Start::Sip => sip::frame(rest, cx.limits.max_message),
                };
                match framed {
                    Ok(Some((length, _))) => {
                        cx.stats.sip_tcp += 1;
                        cx.handler.message(&SipMessage {
                            file: cx.frame.file,
                            frame: cx.frame.number,
                            time: cx.frame.time,
                            src: cx.src,
                            dst: cx.dst,
                            transport: Transport::Tcp,
                            bytes: &rest[..length],
                        });
                        at += length;
                    }
                    Ok(None) => return at,
                    Err(error) => {
                        cx.stats.tcp_bad_messages += 1;
                        let (file, frame) = (cx.frame.file, cx.frame.number);
                        cx.handler.diagnostic(&super::Diagnostic {
                            file,
                            frame,
                            problem: Problem::TcpMessage(error),
                        });
                        // Past this start line, to the next one.
                        *mode = Mode::Resync;
                        let line = memchr::memchr(b'\n', rest).map_or(rest.len(), |end| end + 1);
                        cx.stats.tcp_bytes_skipped += line as u64;
                        at += line;
                    }
                }
            }
        }
    }
}
