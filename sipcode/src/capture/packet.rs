//! One captured frame: its link layer, IP (fragments to the defragmenter),
//! then UDP (a SIP message if it starts like one) or TCP (to the stream
//! reassembler). Headers are read by etherparse, without copying.

use std::net::{IpAddr, SocketAddr};

use etherparse::{EtherType, IpNumber, NetSlice, SlicedPacket, TcpSlice, UdpSlice};

use super::frag::{Fragment, Key};
use super::sip::{self, Start};
use super::{Diagnostic, Handler, Problem, Reader, SipMessage, Timestamp, Transport};

/// A frame as the capture file gives it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame<'a> {
    pub(crate) file: usize,
    /// From 1, per file.
    pub(crate) number: u64,
    pub(crate) time: Timestamp,
    /// The link type (LINKTYPE_* of the tcpdump registry).
    pub(crate) link: u32,
    /// The captured bytes.
    pub(crate) data: &'a [u8],
    /// The length on the wire.
    pub(crate) original: u32,
}

impl Frame<'_> {
    pub(crate) fn diagnose(&self, handler: &mut impl Handler, problem: Problem) {
        handler.diagnostic(&Diagnostic { file: self.file, frame: self.number, problem });
    }
}

// Link types of the tcpdump registry read here.
const NULL: u32 = 0;
const ETHERNET: u32 = 1;
const RAW: u32 = 101;
const LOOP: u32 = 108;
const LINUX_SLL: u32 = 113;
const IPV4: u32 = 228;
const IPV6: u32 = 229;
const LINUX_SLL2: u32 = 276;

/// The BSD loopback header's address families that mean IP: AF_INET is 2
/// everywhere; AF_INET6 is 10 on Linux, 23 on Windows, 24 on OpenBSD and
/// NetBSD, 28 on FreeBSD, 30 on macOS.
fn loopback_is_ip(family: u32) -> bool {
    matches!(family, 2 | 10 | 23 | 24 | 28 | 30)
}

pub(crate) fn process(reader: &mut Reader, frame: &Frame<'_>, handler: &mut impl Handler) {
    let stats = &mut reader.stats;
    stats.frames += 1;
    stats.bytes += frame.data.len() as u64;
    if (frame.data.len() as u64) < u64::from(frame.original) {
        stats.truncated += 1;
        let captured = frame.data.len() as u32;
        frame.diagnose(handler, Problem::Truncated { captured, original: frame.original });
        return;
    }
    let data = frame.data;
    let sliced = match frame.link {
        ETHERNET => SlicedPacket::from_ethernet(data),
        LINUX_SLL => SlicedPacket::from_linux_sll(data),
        RAW | IPV4 | IPV6 => SlicedPacket::from_ip(data),
        LINUX_SLL2 => {
            // SLL2: protocol type (2 bytes), reserved, interface index,
            // ARPHRD type, packet type, address length, address (8): 20 bytes.
            let Some((header, payload)) = data.split_at_checked(20) else {
                return malformed(reader, frame, handler, "a Linux SLL2 header shorter than 20 bytes");
            };
            let ether_type = u16::from_be_bytes([header[0], header[1]]);
            SlicedPacket::from_ether_type(EtherType(ether_type), payload)
        }
        NULL | LOOP => {
            let Some((family, payload)) = data.split_first_chunk::<4>() else {
                return malformed(reader, frame, handler, "a loopback header shorter than 4 bytes");
            };
            // DLT_NULL writes the family in the capturing host's byte order,
            // DLT_LOOP in network order; a family is small, so the order shows.
            let family = if frame.link == LOOP || family[..2] == [0, 0] {
                u32::from_be_bytes(*family)
            } else {
                u32::from_le_bytes(*family)
            };
            if !loopback_is_ip(family) {
                reader.stats.non_ip += 1;
                return;
            }
            SlicedPacket::from_ip(payload)
        }
        other => {
            reader.stats.unsupported_link += 1;
            if reader.unsupported_link != Some((frame.file, other)) {
                reader.unsupported_link = Some((frame.file, other));
                frame.diagnose(handler, Problem::UnsupportedLink(other));
            }
            return;
        }
    };
    let sliced = match sliced {
        Ok(sliced) => sliced,
        Err(error) => {
            reader.stats.malformed += 1;
            frame.diagnose(handler, Problem::Malformed(error.to_string()));
            return;
        }
    };
    let (src, dst, fragment) = match &sliced.net {
        Some(NetSlice::Ipv4(ip)) => {
            let header = ip.header();
            let payload = ip.payload();
            let fragment = payload.fragmented.then(|| {
                let key = Key {
                    src: header.source_addr().into(),
                    dst: header.destination_addr().into(),
                    id: header.identification().into(),
                    protocol: payload.ip_number.0,
                };
                let offset = header.fragments_offset();
                (
                    key,
                    Fragment {
                        offset,
                        more: header.more_fragments(),
                        payload: payload.payload,
                        protocol: payload.ip_number,
                    },
                )
            });
            (IpAddr::from(header.source_addr()), IpAddr::from(header.destination_addr()), fragment)
        }
        Some(NetSlice::Ipv6(ip)) => {
            let header = ip.header();
            let payload = ip.payload();
            let fragment = if payload.fragmented {
                let found = ip.extensions().clone().into_iter().find_map(|ext| match ext {
                    etherparse::Ipv6ExtensionSlice::Fragment(fragment) => Some(fragment.to_header()),
                    _ => None,
                });
                let Some(header6) = found else {
                    return malformed(reader, frame, handler, "an IPv6 fragment without a fragment header");
                };
                let key = Key {
                    src: header.source_addr().into(),
                    dst: header.destination_addr().into(),
                    id: header6.identification,
                    protocol: payload.ip_number.0,
                };
                let offset = header6.fragment_offset;
                Some((
                    key,
                    Fragment {
                        offset,
                        more: header6.more_fragments,
                        payload: payload.payload,
                        protocol: payload.ip_number,
                    },
                ))
            } else {
                None
            };
            (IpAddr::from(header.source_addr()), IpAddr::from(header.destination_addr()), fragment)
        }
        Some(NetSlice::Arp(_)) | None => {
            reader.stats.non_ip += 1;
            return;
        }
    };
    if let Some((key, fragment)) = fragment {
        let protocol = fragment.protocol;
        match reader.frag.add(key, fragment, frame.time, &reader.limits, &mut reader.stats) {
            Ok(Some(datagram)) => {
                transport(reader, frame, src, dst, protocol, &datagram, handler);
                reader.frag.give_back(datagram);
            }
            Ok(None) => {}
            Err(why) => frame.diagnose(handler, Problem::Fragment(why)),
        }
        return;
    }
    match &sliced.transport {
        Some(etherparse::TransportSlice::Udp(udp)) => {
            let src = SocketAddr::new(src, udp.source_port());
            let dst = SocketAddr::new(dst, udp.destination_port());
            udp_payload(reader, frame, src, dst, udp.payload(), handler);
        }
        Some(etherparse::TransportSlice::Tcp(tcp)) => {
            let src = SocketAddr::new(src, tcp.source_port());
            let dst = SocketAddr::new(dst, tcp.destination_port());
            reader.tcp.segment(&reader.limits, &mut reader.stats, frame, src, dst, tcp, handler);
        }
        Some(_) => reader.stats.other_ip += 1,
        None => {
            let protocol =
                sliced.net.as_ref().and_then(|net| net.ip_payload_ref()).map(|payload| payload.ip_number);
            not_udp_or_tcp(reader, protocol);
        }
    }
}

fn not_udp_or_tcp(reader: &mut Reader, protocol: Option<IpNumber>) {
    if protocol == Some(IpNumber::SCTP) {
        reader.stats.sctp += 1;
    } else {
        reader.stats.other_ip += 1;
    }
}

/// The transport of a reassembled datagram.
fn transport(
    reader: &mut Reader,
    frame: &Frame<'_>,
    src: IpAddr,
    dst: IpAddr,
    protocol: IpNumber,
    payload: &[u8],
    handler: &mut impl Handler,
) {
    match protocol {
        IpNumber::UDP => match UdpSlice::from_slice(payload) {
            Ok(udp) => {
                let src = SocketAddr::new(src, udp.source_port());
                let dst = SocketAddr::new(dst, udp.destination_port());
                udp_payload(reader, frame, src, dst, udp.payload(), handler);
            }
            Err(error) => {
                reader.stats.malformed += 1;
                frame.diagnose(handler, Problem::Malformed(error.to_string()));
            }
        },
        IpNumber::TCP => match TcpSlice::from_slice(payload) {
            Ok(tcp) => {
                let src = SocketAddr::new(src, tcp.source_port());
                let dst = SocketAddr::new(dst, tcp.destination_port());
                reader.tcp.segment(&reader.limits, &mut reader.stats, frame, src, dst, &tcp, handler);
            }
            Err(error) => {
                reader.stats.malformed += 1;
                frame.diagnose(handler, Problem::Malformed(error.to_string()));
            }
        },
        other => not_udp_or_tcp(reader, Some(other)),
    }
}

/// A UDP datagram is SIP if it starts with a start line, whatever its ports.
fn udp_payload(
    reader: &mut Reader,
    frame: &Frame<'_>,
    src: SocketAddr,
    dst: SocketAddr,
    payload: &[u8],
    handler: &mut impl Handler,
) {
    if sip::start(payload) == Start::Sip {
        reader.stats.sip_udp += 1;
        handler.message(&SipMessage {
            file: frame.file,
            frame: frame.number,
            time: frame.time,
            src,
            dst,
            transport: Transport::Udp,
            bytes: payload,
        });
    } else if sip::is_keepalive(payload) {
        reader.stats.keepalives += 1;
    } else {
        reader.stats.udp_not_sip += 1;
    }
}

fn malformed(reader: &mut Reader, frame: &Frame<'_>, handler: &mut impl Handler, why: &str) {
    reader.stats.malformed += 1;
    frame.diagnose(handler, Problem::Malformed(why.to_string()));
}
