//! Test helper: crafted captures. Packets are built with etherparse's
//! `PacketBuilder` (and its headers, for fragments); the pcap and pcapng
//! containers are written here, after the formats' specifications
//! (draft-ietf-opsawg-pcap, draft-ietf-opsawg-pcapng), and read back by
//! pcap-parser in the tests, so a mistake in either shows.

use std::io::Write;

use etherparse::{
    EtherType, Ethernet2Header, IpFragOffset, IpNumber, Ipv4Header, Ipv6FragmentHeader, Ipv6Header,
    PacketBuilder,
};

pub(crate) const MAC_A: [u8; 6] = [2, 0, 0, 0, 0, 1];
pub(crate) const MAC_B: [u8; 6] = [2, 0, 0, 0, 0, 2];
pub(crate) const ALICE: [u8; 4] = [192, 0, 2, 1];
pub(crate) const BOB: [u8; 4] = [192, 0, 2, 2];
pub(crate) const ALICE6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
pub(crate) const BOB6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];

/// One frame to write: its bytes, the length on the wire (more than the
/// bytes for a frame cut by the snap length), and its time in microseconds.
#[derive(Clone, Debug)]
pub(crate) struct Packet {
    pub(crate) data: Vec<u8>,
    pub(crate) original: usize,
    pub(crate) micros: u64,
}

impl Packet {
    pub(crate) fn new(data: Vec<u8>) -> Packet {
        Packet { original: data.len(), data, micros: 1_700_000_000_000_000 }
    }

    pub(crate) fn at(mut self, micros: u64) -> Packet {
        self.micros = micros;
        self
    }

    /// The frame as a snap length of `snap` bytes captures it.
    pub(crate) fn cut(mut self, snap: usize) -> Packet {
        self.data.truncate(snap);
        self
    }
}

/// Frames numbered from a start time, one millisecond apart.
pub(crate) fn frames(data: impl IntoIterator<Item = Vec<u8>>) -> Vec<Packet> {
    data.into_iter()
        .enumerate()
        .map(|(i, d)| Packet::new(d).at(1_700_000_000_000_000 + i as u64 * 1000))
        .collect()
}

/// A classic pcap file, little-endian, microsecond times.
pub(crate) fn pcap(link: u32, packets: &[Packet]) -> Vec<u8> {
    classic(link, packets, u32::to_le_bytes, false)
}

/// A classic pcap file, big-endian, nanosecond times (7 ns past each microsecond).
pub(crate) fn pcap_nanos_be(link: u32, packets: &[Packet]) -> Vec<u8> {
    classic(link, packets, u32::to_be_bytes, true)
}

fn classic(link: u32, packets: &[Packet], order: fn(u32) -> [u8; 4], nanos: bool) -> Vec<u8> {
    let magic = if nanos { 0xa1b2_3c4d } else { 0xa1b2_c3d4 };
    // Version 2.4: two 16-bit fields in the file's byte order.
    let little_endian = order(1)[0] == 1;
    let version = if little_endian { [2, 0, 4, 0] } else { [0, 2, 0, 4] };
    let mut out = Vec::new();
    for field in [order(magic), version, [0; 4], [0; 4], order(65535), order(link)] {
        out.extend_from_slice(&field);
    }
    for packet in packets {
        let (secs, fraction) = (packet.micros / 1_000_000, packet.micros % 1_000_000);
        let fraction = if nanos { fraction * 1000 + 7 } else { fraction };
        for value in [secs as u32, fraction as u32, packet.data.len() as u32, packet.original as u32] {
            out.extend_from_slice(&order(value));
        }
        out.extend_from_slice(&packet.data);
    }
    out
}

fn block(out: &mut Vec<u8>, kind: u32, body: &[u8]) {
    let padded = body.len().div_ceil(4) * 4;
    let length = (12 + padded) as u32;
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&length.to_le_bytes());
    out.extend_from_slice(body);
    out.resize(out.len() + padded - body.len(), 0);
    out.extend_from_slice(&length.to_le_bytes());
}

/// A pcapng file, little-endian: a section header, one interface per link
/// type given (nanosecond times, `if_tsresol` 9), and each packet on the
/// interface its index names.
pub(crate) fn pcapng(links: &[u32], packets: &[(u32, Packet)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut shb = Vec::new();
    shb.extend_from_slice(&0x1a2b_3c4du32.to_le_bytes());
    shb.extend_from_slice(&[1, 0, 0, 0]);
    shb.extend_from_slice(&u64::MAX.to_le_bytes());
    block(&mut out, 0x0a0d_0d0a, &shb);
    for &link in links {
        let mut idb = Vec::new();
        idb.extend_from_slice(&(link as u16).to_le_bytes());
        idb.extend_from_slice(&[0, 0]);
        idb.extend_from_slice(&0u32.to_le_bytes());
        // Option if_tsresol (9) of one byte: 9, nanoseconds; then opt_endofopt.
        idb.extend_from_slice(&[9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0]);
        block(&mut out, 1, &idb);
    }
    for (interface, packet) in packets {
        let nanos = packet.micros * 1000;
        let mut epb = Vec::new();
        for value in
            [*interface, (nanos >> 32) as u32, nanos as u32, packet.data.len() as u32, packet.original as u32]
        {
            epb.extend_from_slice(&value.to_le_bytes());
        }
        epb.extend_from_slice(&packet.data);
        epb.resize(epb.len().div_ceil(4) * 4, 0);
        block(&mut out, 6, &epb);
    }
    out
}

/// Appends a pcapng simple packet block (on the first interface, with no
/// time) to a file from [`pcapng`].
pub(crate) fn simple_packet(out: &mut Vec<u8>, data: &[u8]) {
    let mut spb = (data.len() as u32).to_le_bytes().to_vec();
    spb.extend_from_slice(data);
    block(out, 3, &spb);
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Ethernet, IPv4, UDP.
pub(crate) fn udp4(src: ([u8; 4], u16), dst: ([u8; 4], u16), payload: &[u8]) -> Vec<u8> {
    let builder = PacketBuilder::ethernet2(MAC_A, MAC_B).ipv4(src.0, dst.0, 64).udp(src.1, dst.1);
    let mut out = Vec::with_capacity(builder.size(payload.len()));
    builder.write(&mut out, payload).unwrap();
    out
}

/// Ethernet, IPv4, TCP with the given sequence number (and SYN or FIN).
pub(crate) fn tcp4(
    src: ([u8; 4], u16),
    dst: ([u8; 4], u16),
    seq: u32,
    flags: &str,
    payload: &[u8],
) -> Vec<u8> {
    let mut builder =
        PacketBuilder::ethernet2(MAC_A, MAC_B).ipv4(src.0, dst.0, 64).tcp(src.1, dst.1, seq, 65535);
    if flags.contains('S') {
        builder = builder.syn();
    }
    if flags.contains('F') {
        builder = builder.fin();
    }
    if flags.contains('R') {
        builder = builder.rst();
    }
    let mut out = Vec::with_capacity(builder.size(payload.len()));
    builder.write(&mut out, payload).unwrap();
    out
}

/// The IP packet (no link layer) of a UDP datagram over IPv4 or IPv6.
pub(crate) fn raw_udp(v6: bool, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if v6 {
        PacketBuilder::ipv6(ALICE6, BOB6, 64).udp(5060, 5060).write(&mut out, payload).unwrap();
    } else {
        PacketBuilder::ipv4(ALICE, BOB, 64).udp(5060, 5060).write(&mut out, payload).unwrap();
    }
    out
}

/// UDP over IPv4 in 802.1Q tags: one, or two (QinQ).
pub(crate) fn udp4_vlan(double: bool, payload: &[u8]) -> Vec<u8> {
    let vlan = |id| etherparse::VlanId::try_new(id).unwrap();
    let mut out = Vec::new();
    let base = PacketBuilder::ethernet2(MAC_A, MAC_B);
    if double {
        base.double_vlan(vlan(100), vlan(200))
            .ipv4(ALICE, BOB, 64)
            .udp(5060, 5060)
            .write(&mut out, payload)
            .unwrap();
    } else {
        base.single_vlan(vlan(100)).ipv4(ALICE, BOB, 64).udp(5060, 5060).write(&mut out, payload).unwrap();
    }
    out
}

/// UDP over IPv6 on Ethernet.
pub(crate) fn udp6(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv6(ALICE6, BOB6, 64)
        .udp(5060, 5060)
        .write(&mut out, payload)
        .unwrap();
    out
}

/// UDP over IPv4 behind a Linux cooked (SLL) header.
pub(crate) fn udp4_sll(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    PacketBuilder::linux_sll(etherparse::LinuxSllPacketType::HOST, 6, [2, 0, 0, 0, 0, 1, 0, 0])
        .ipv4(ALICE, BOB, 64)
        .udp(5060, 5060)
        .write(&mut out, payload)
        .unwrap();
    out
}

/// UDP over IPv4 or IPv6 behind a Linux cooked v2 (SLL2) header, written by
/// hand: etherparse has no SLL2.
pub(crate) fn udp_sll2(v6: bool, payload: &[u8]) -> Vec<u8> {
    let ether_type: u16 = if v6 { 0x86dd } else { 0x0800 };
    let mut out = ether_type.to_be_bytes().to_vec();
    out.extend_from_slice(&[0, 0, 0, 0, 0, 1, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0]);
    out.extend_from_slice(&raw_udp(v6, payload));
    out
}

/// UDP behind a BSD loopback header: `family` in the byte order given.
pub(crate) fn udp_loopback(family: [u8; 4], v6: bool, payload: &[u8]) -> Vec<u8> {
    let mut out = family.to_vec();
    out.extend_from_slice(&raw_udp(v6, payload));
    out
}

/// The Ethernet frames of one UDP datagram over IPv4 cut into fragments of
/// `size` bytes of IP payload (a multiple of 8).
pub(crate) fn udp4_fragments(id: u16, size: usize, payload: &[u8]) -> Vec<Vec<u8>> {
    let datagram = raw_udp(false, payload);
    let transport = &datagram[Ipv4Header::MIN_LEN..];
    transport
        .chunks(size)
        .enumerate()
        .map(|(i, chunk)| {
            let mut header = Ipv4Header::new(chunk.len() as u16, 64, IpNumber::UDP, ALICE, BOB).unwrap();
            header.identification = id;
            header.dont_fragment = false;
            header.more_fragments = (i + 1) * size < transport.len();
            header.fragment_offset = IpFragOffset::try_new((i * size / 8) as u16).unwrap();
            header.header_checksum = header.calc_header_checksum();
            let mut out = Vec::new();
            Ethernet2Header { source: MAC_A, destination: MAC_B, ether_type: EtherType::IPV4 }
                .write(&mut out)
                .unwrap();
            header.write(&mut out).unwrap();
            out.extend_from_slice(chunk);
            out
        })
        .collect()
}

/// The same over IPv6, with a fragment header (RFC 8200 §4.5).
pub(crate) fn udp6_fragments(id: u32, size: usize, payload: &[u8]) -> Vec<Vec<u8>> {
    let datagram = raw_udp(true, payload);
    let transport = &datagram[Ipv6Header::LEN..];
    transport
        .chunks(size)
        .enumerate()
        .map(|(i, chunk)| {
            let offset = IpFragOffset::try_new((i * size / 8) as u16).unwrap();
            let more = (i + 1) * size < transport.len();
            let fragment = Ipv6FragmentHeader::new(IpNumber::UDP, offset, more, id);
            let header = Ipv6Header {
                payload_length: (8 + chunk.len()) as u16,
                next_header: IpNumber::IPV6_FRAGMENTATION_HEADER,
                hop_limit: 64,
                source: ALICE6,
                destination: BOB6,
                ..Default::default()
            };
            let mut out = Vec::new();
            Ethernet2Header { source: MAC_A, destination: MAC_B, ether_type: EtherType::IPV6 }
                .write(&mut out)
                .unwrap();
            header.write(&mut out).unwrap();
            fragment.write(&mut out).unwrap();
            out.extend_from_slice(chunk);
            out
        })
        .collect()
}
