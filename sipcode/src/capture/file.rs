//! Capture files: gzip or not, pcap or pcapng (framed by `pcap-parser`),
//! each packet with its link type and time handed to [`packet`].

use std::fmt;
use std::io::{self, Cursor, Read};

use pcap_parser::pcapng::Block;
use pcap_parser::traits::PcapReaderIterator;
use pcap_parser::{LegacyPcapReader, Linktype, PcapBlockOwned, PcapError, PcapNGReader};

use super::packet::{self, Frame};
use super::{Diagnostic, Handler, Problem, Reader, Timestamp};

/// The pcap-parser buffer to start with: a few hundred records at once.
const BUFFER: usize = 1 << 20;
/// What is read before deciding the format: enough for any sane section
/// header block, which pcap-parser wants whole in its first read.
const PREFIX: usize = 64 * 1024;
/// Interfaces a pcapng section may describe: each costs a few bytes, but a
/// file of nothing else must not grow memory without end.
const MAX_INTERFACES: usize = 4096;

/// What a capture file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    /// pcapng (`true`) or classic pcap.
    pub pcapng: bool,
    /// Whether it was gzip-compressed.
    pub gzip: bool,
}

/// A capture file that cannot be read (on): the frames before `offset` were read.
#[derive(Debug)]
pub struct CaptureError {
    /// Which file of the trace, counted from 0.
    pub file: usize,
    /// Bytes read before the problem (of the decompressed data, if gzip).
    pub offset: u64,
    /// Whether the file is gzip-compressed (so `offset` counts decompressed bytes).
    pub gzip: bool,
    /// What went wrong.
    pub kind: CaptureErrorKind,
}

/// What went wrong with a capture file.
#[derive(Debug)]
pub enum CaptureErrorKind {
    /// Reading failed (or the gzip data is corrupt).
    Io(io::Error),
    /// Neither pcap nor pcapng: the first four bytes.
    Magic([u8; 4]),
    /// The file ends in the middle of a record or block.
    Truncated,
    /// A record or block larger than [`Limits::max_block`](super::Limits::max_block).
    TooLarge,
    /// A record or block pcap-parser cannot read; where it is, the file cannot be followed on.
    Malformed(String),
}

impl CaptureError {
    pub(crate) fn io(file: usize, offset: u64, gzip: bool, error: io::Error) -> CaptureError {
        CaptureError { file, offset, gzip, kind: CaptureErrorKind::Io(error) }
    }
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.gzip { "decompressed byte" } else { "byte" };
        match &self.kind {
            CaptureErrorKind::Io(error) => write!(f, "read error at {at} {}: {error}", self.offset),
            CaptureErrorKind::Magic(magic) => write!(
                f,
                "not a pcap or pcapng capture: it starts with {:02x} {:02x} {:02x} {:02x}",
                magic[0], magic[1], magic[2], magic[3]
            ),
            CaptureErrorKind::Truncated => {
                write!(f, "the capture is truncated: it ends inside a record at {at} {}", self.offset)
            }
            CaptureErrorKind::TooLarge => {
                write!(f, "a record at {at} {} is larger than the limit: the file looks damaged", self.offset)
            }
            CaptureErrorKind::Malformed(why) => write!(f, "a damaged record at {at} {}: {why}", self.offset),
        }
    }
}

impl std::error::Error for CaptureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            CaptureErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// Reads up to `n` bytes, fewer only at the end of the input.
fn prefix(input: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(n);
    input.take(n as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One pcapng interface: its link type and how to read its times.
#[derive(Clone, Copy, Debug)]
struct Interface {
    link: Linktype,
    /// Units per second; `None` when the interface's resolution is unusable.
    resolution: Option<u64>,
    offset: i64,
}

pub(crate) fn read(
    reader: &mut Reader,
    file: usize,
    mut input: impl Read,
    handler: &mut impl Handler,
) -> Result<Format, CaptureError> {
    let error = |offset: u64, gzip: bool, kind| CaptureError { file, offset, gzip, kind };
    let head = prefix(&mut input, 2).map_err(|e| CaptureError::io(file, 0, false, e))?;
    let gzip = head == [0x1f, 0x8b];
    let mut input: Box<dyn Read + '_> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(Cursor::new(head).chain(input)))
    } else {
        Box::new(Cursor::new(head).chain(input))
    };
    let first = prefix(&mut input, PREFIX).map_err(|e| CaptureError::io(file, 0, gzip, e))?;
    let magic: [u8; 4] = match first.get(..4) {
        Some(magic) => magic.try_into().unwrap_or_default(),
        None => {
            let mut magic = [0; 4];
            magic[..first.len()].copy_from_slice(&first);
            return Err(error(0, gzip, CaptureErrorKind::Magic(magic)));
        }
    };
    let pcapng = magic == [0x0a, 0x0d, 0x0d, 0x0a];
    let legacy = matches!(u32::from_le_bytes(magic), 0xa1b2_c3d4 | 0xd4c3_b2a1 | 0xa1b2_3c4d | 0x4d3c_b2a1);
    if !pcapng && !legacy {
        return Err(error(0, gzip, CaptureErrorKind::Magic(magic)));
    }
    let input = Cursor::new(first).chain(input);
    let opened = if pcapng {
        PcapNGReader::new(BUFFER, input).map(|r| Box::new(r) as Box<dyn PcapReaderIterator>)
    } else {
        LegacyPcapReader::new(BUFFER, input).map(|r| Box::new(r) as Box<dyn PcapReaderIterator>)
    };
    let mut pcap = opened.map_err(|e| error(0, gzip, header_error(e)))?;
    let format = Format { pcapng, gzip };

    let mut capacity = BUFFER;
    let mut frame_number = 0u64;
    let mut legacy_link = Linktype(0);
    let mut nanos_per_unit = 1000u32;
    let mut interfaces: Vec<Interface> = Vec::new();
    // The time of the last packet read in this file, for the packets that have none.
    let mut last_time = Timestamp::UNKNOWN;
    loop {
        let offset = pcap.consumed() as u64;
        match pcap.next() {
            Ok((length, block)) => {
                let frame = match block {
                    PcapBlockOwned::LegacyHeader(header) => {
                        legacy_link = header.network;
                        nanos_per_unit = if header.is_nanosecond_precision() { 1 } else { 1000 };
                        None
                    }
                    PcapBlockOwned::Legacy(record) => {
                        frame_number += 1;
                        let nanos = u64::from(record.ts_usec) * u64::from(nanos_per_unit);
                        let secs = i64::from(record.ts_sec) + (nanos / 1_000_000_000) as i64;
                        let time = Timestamp::new(secs, (nanos % 1_000_000_000) as u32);
                        let data = &record.data[..record.data.len().min(record.caplen as usize)];
                        Some((legacy_link, time, data, record.origlen))
                    }
                    PcapBlockOwned::NG(Block::SectionHeader(_)) => {
                        interfaces.clear();
                        None
                    }
                    PcapBlockOwned::NG(Block::InterfaceDescription(idb)) => {
                        if interfaces.len() < MAX_INTERFACES {
                            interfaces.push(Interface {
                                link: idb.linktype,
                                resolution: idb.ts_resolution().filter(|&r| r > 0),
                                offset: idb.if_tsoffset,
                            });
                        }
                        None
                    }
                    PcapBlockOwned::NG(Block::EnhancedPacket(epb)) => {
                        frame_number += 1;
                        if let Some(interface) = interfaces.get(epb.if_id as usize) {
                            let ts = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                            let data = &epb.data[..epb.data.len().min(epb.caplen as usize)];
                            Some((interface.link, pcapng_time(ts, interface), data, epb.origlen))
                        } else {
                            unknown_interface(reader, handler, file, frame_number, epb.if_id);
                            None
                        }
                    }
                    PcapBlockOwned::NG(Block::SimplePacket(spb)) => {
                        frame_number += 1;
                        if let Some(interface) = interfaces.first() {
                            // A simple packet block has no time. It was captured
                            // no earlier than the packet before it (blocks are
                            // written as captured), so it takes that packet's
                            // time: the trace keeps its order and its timers, and
                            // a delay to it is at worst short by the gap between
                            // the two. Another file's times say nothing of this
                            // one's, so with no packet before it in this file it
                            // has no known time, never the epoch as a capture time.
                            let data = &spb.data[..spb.data.len().min(spb.origlen as usize)];
                            Some((interface.link, last_time, data, spb.origlen))
                        } else {
                            unknown_interface(reader, handler, file, frame_number, 0);
                            None
                        }
                    }
                    PcapBlockOwned::NG(_) => None,
                };
                if let Some((link, time, data, original)) = frame {
                    last_time = time;
                    let frame =
                        Frame { file, number: frame_number, time, link: link.0 as u32, data, original };
                    packet::process(reader, &frame, handler);
                }
                // The data left is moved to the front only when the buffer
                // runs dry (`refill`), then at most one block: `consume`
                // moved half the buffer each time it was half read, a copy
                // of the whole file (4 % of the instructions of `sipcode
                // stats`, BENCHMARKS.md).
                pcap.consume_noshift(length);
            }
            Err(PcapError::Eof) => return Ok(format),
            Err(PcapError::Incomplete(_)) => {
                pcap.refill().map_err(|_| read_failed(file, offset, gzip))?;
            }
            Err(PcapError::BufferTooSmall) => {
                if capacity >= reader.limits.max_block {
                    return Err(error(offset, gzip, CaptureErrorKind::TooLarge));
                }
                capacity = (capacity * 2).min(reader.limits.max_block);
                pcap.grow(capacity);
                pcap.refill().map_err(|_| read_failed(file, offset, gzip))?;
            }
            Err(PcapError::UnexpectedEof) => return Err(error(offset, gzip, CaptureErrorKind::Truncated)),
            Err(PcapError::ReadError) => return Err(read_failed(file, offset, gzip)),
            Err(other) => {
                let why = format!("{:?}", other.to_owned_vec());
                return Err(error(offset, gzip, CaptureErrorKind::Malformed(short(why))));
            }
        }
    }
}

fn unknown_interface(reader: &mut Reader, handler: &mut impl Handler, file: usize, frame: u64, id: u32) {
    reader.stats.frames += 1;
    reader.stats.malformed += 1;
    handler.diagnostic(&Diagnostic { file, frame, problem: Problem::UnknownInterface(id) });
}

/// pcap-parser's reason, without the data it quotes.
fn short(mut why: String) -> String {
    if let Some(at) = why.find('[') {
        why.truncate(at);
        why.push('…');
    }
    why
}

fn read_failed(file: usize, offset: u64, gzip: bool) -> CaptureError {
    // pcap-parser keeps no io::Error: the words are ours.
    let error = io::Error::other(if gzip {
        "the gzip data is corrupt or unreadable"
    } else {
        "the input cannot be read"
    });
    CaptureError::io(file, offset, gzip, error)
}

fn header_error(error: PcapError<&'static [u8]>) -> CaptureErrorKind {
    match error {
        PcapError::Incomplete(_) | PcapError::UnexpectedEof | PcapError::Eof => CaptureErrorKind::Truncated,
        PcapError::ReadError => CaptureErrorKind::Io(io::Error::other("the input cannot be read")),
        other => CaptureErrorKind::Malformed(short(format!("{other:?}"))),
    }
}

/// A pcapng time: units of the interface's resolution since its offset
/// (pcapng `if_tsresol`, `if_tsoffset`). pcap-parser's `build_ts` adds
/// without overflow checks, so the arithmetic is ours.
fn pcapng_time(ts: u64, interface: &Interface) -> Timestamp {
    let resolution = interface.resolution.unwrap_or(1_000_000);
    let secs = i64::try_from(ts / resolution).unwrap_or(i64::MAX).saturating_add(interface.offset);
    let nanos = (u128::from(ts % resolution) * 1_000_000_000 / u128::from(resolution)) as u32;
    Timestamp::new(secs, nanos)
}
