//! The reader on crafted captures (see `write.rs`): each link layer, VLAN,
//! IPv6, fragments, TCP framing, bad input; and on arbitrary bytes.

use std::net::SocketAddr;

use proptest::prelude::*;

use super::write::{self, ALICE, BOB, Packet, frames};
use super::*;

/// A message as the handler saw it, owned.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    file: usize,
    frame: u64,
    time: Timestamp,
    src: SocketAddr,
    dst: SocketAddr,
    transport: Transport,
    bytes: Vec<u8>,
}

#[derive(Debug, Default)]
struct Collect {
    messages: Vec<Seen>,
    diagnostics: Vec<Diagnostic>,
}

impl Handler for Collect {
    fn message(&mut self, m: &SipMessage<'_>) {
        // Every message handed out splits, or at least starts like SIP.
        assert_eq!(sip::start(m.bytes), sip::Start::Sip);
        self.messages.push(Seen {
            file: m.file,
            frame: m.frame,
            time: m.time,
            src: m.src,
            dst: m.dst,
            transport: m.transport,
            bytes: m.bytes.to_vec(),
        });
    }

    fn diagnostic(&mut self, d: &Diagnostic) {
        self.diagnostics.push(d.clone());
    }
}

struct Outcome {
    seen: Collect,
    stats: Stats,
    results: Vec<Result<Format, CaptureError>>,
}

impl Outcome {
    fn texts(&self) -> Vec<&str> {
        self.seen.messages.iter().map(|m| std::str::from_utf8(&m.bytes).unwrap()).collect()
    }
}

fn read_all(files: &[&[u8]]) -> Outcome {
    let mut reader = Reader::new(Limits::default());
    let mut seen = Collect::default();
    let results = files.iter().map(|bytes| reader.read(*bytes, &mut seen)).collect();
    let stats = reader.finish(&mut seen);
    Outcome { seen, stats, results }
}

fn read_one(bytes: &[u8]) -> Outcome {
    let outcome = read_all(&[bytes]);
    if let Err(error) = &outcome.results[0] {
        panic!("{error}");
    }
    outcome
}

const INVITE: &str = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9\r\nCall-ID: 3848276298220188511@atlanta.example.com\r\nCSeq: 1 INVITE\r\nContent-Length: 4\r\n\r\nv=0\n";
const BUSY: &str = "SIP/2.0 486 Busy Here\r\nCall-ID: 3848276298220188511@atlanta.example.com\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

fn rfc3665() -> Vec<String> {
    sip_codes_testdata::messages("rfc3665-messages.txt").into_iter().map(|m| m.text).collect()
}

fn addr(ip: [u8; 4], port: u16) -> SocketAddr {
    SocketAddr::from((ip, port))
}

#[test]
fn udp_on_any_port_over_ethernet_with_addresses_and_times() {
    let packets = frames([
        write::udp4((ALICE, 40000), (BOB, 7777), INVITE.as_bytes()),
        write::udp4((BOB, 7777), (ALICE, 40000), BUSY.as_bytes()),
        write::udp4((ALICE, 16384), (BOB, 16384), &[0x80, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
        write::udp4((ALICE, 5060), (BOB, 5060), b"\r\n\r\n"),
    ]);
    let out = read_one(&write::pcap(1, &packets));
    assert_eq!(out.texts(), [INVITE, BUSY]);
    let first = &out.seen.messages[0];
    assert_eq!(
        (first.src, first.dst, first.transport, first.frame),
        (addr(ALICE, 40000), addr(BOB, 7777), Transport::Udp, 1)
    );
    assert_eq!(first.time, Timestamp::new(1_700_000_000, 0));
    assert_eq!(out.seen.messages[1].time, Timestamp::new(1_700_000_000, 1_000_000));
    assert_eq!(out.seen.messages[1].frame, 2);
    assert_eq!(
        (out.stats.frames, out.stats.sip_udp, out.stats.udp_not_sip, out.stats.keepalives),
        (4, 2, 1, 1)
    );
    assert!(out.seen.diagnostics.is_empty());
}

#[test]
fn every_link_layer_gives_the_same_message() {
    let payload = INVITE.as_bytes();
    let cases: Vec<(&str, u32, Vec<u8>)> = vec![
        ("802.1Q", 1, write::udp4_vlan(false, payload)),
        ("QinQ", 1, write::udp4_vlan(true, payload)),
        ("IPv6 on Ethernet", 1, write::udp6(payload)),
        ("Linux SLL", 113, write::udp4_sll(payload)),
        ("Linux SLL2, IPv4", 276, write::udp_sll2(false, payload)),
        ("Linux SLL2, IPv6", 276, write::udp_sll2(true, payload)),
        ("raw IPv4", 101, write::raw_udp(false, payload)),
        ("raw IPv6", 101, write::raw_udp(true, payload)),
        ("LINKTYPE_IPV4", 228, write::raw_udp(false, payload)),
        ("LINKTYPE_IPV6", 229, write::raw_udp(true, payload)),
        ("null, little-endian AF_INET", 0, write::udp_loopback(2u32.to_le_bytes(), false, payload)),
        ("null, big-endian AF_INET", 0, write::udp_loopback(2u32.to_be_bytes(), false, payload)),
        ("null, macOS AF_INET6", 0, write::udp_loopback(30u32.to_le_bytes(), true, payload)),
        ("loop, AF_INET", 108, write::udp_loopback(2u32.to_be_bytes(), false, payload)),
        ("loop, OpenBSD AF_INET6", 108, write::udp_loopback(24u32.to_be_bytes(), true, payload)),
    ];
    for (name, link, frame) in cases {
        let out = read_one(&write::pcap(link, &frames([frame])));
        assert_eq!(out.texts(), [INVITE], "{name}");
        assert_eq!(out.seen.messages[0].src.port(), 5060, "{name}");
        assert!(out.seen.diagnostics.is_empty(), "{name}: {:?}", out.seen.diagnostics);
    }
    let v6 = read_one(&write::pcap(1, &frames([write::udp6(payload)])));
    assert_eq!(v6.seen.messages[0].src, SocketAddr::from((write::ALICE6, 5060)));
}

#[test]
fn what_is_not_read_is_counted() {
    let arp = {
        let mut frame = Vec::new();
        etherparse::Ethernet2Header {
            source: write::MAC_A,
            destination: write::MAC_B,
            ether_type: etherparse::EtherType(0x88cc),
        }
        .write(&mut frame)
        .unwrap();
        frame.extend_from_slice(&[0; 40]);
        frame
    };
    let sctp = {
        let mut frame = Vec::new();
        etherparse::PacketBuilder::ethernet2(write::MAC_A, write::MAC_B)
            .ipv4(ALICE, BOB, 64)
            .write(&mut frame, etherparse::IpNumber::SCTP, &[0; 12])
            .unwrap();
        frame
    };
    let out = read_one(&write::pcap(1, &frames([arp, sctp])));
    assert_eq!((out.stats.non_ip, out.stats.sctp), (1, 1));
    let loopback_other = write::udp_loopback(7u32.to_le_bytes(), false, b"x");
    assert_eq!(read_one(&write::pcap(0, &frames([loopback_other]))).stats.non_ip, 1);

    // A link type not read: every frame counted, one diagnostic per file.
    let out = read_one(&write::pcap(147, &frames([vec![1, 2, 3], vec![4, 5, 6]])));
    assert_eq!(out.stats.unsupported_link, 2);
    assert_eq!(out.seen.diagnostics.len(), 1);
    assert_eq!(out.seen.diagnostics[0].to_string(), "frame 1: link type 147 is not decoded");
}

#[test]
fn a_snap_length_cut_is_counted_with_its_frame_and_the_rest_is_read() {
    let packets = vec![
        Packet::new(write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes())).cut(96),
        Packet::new(write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes())),
    ];
    let out = read_one(&write::pcap(1, &packets));
    assert_eq!(out.texts(), [BUSY]);
    assert_eq!(out.stats.truncated, 1);
    let diagnostic = &out.seen.diagnostics[0];
    assert_eq!(diagnostic.frame, 1);
    assert!(matches!(diagnostic.problem, Problem::Truncated { captured: 96, .. }), "{diagnostic}");
}

#[test]
fn a_malformed_frame_is_a_diagnostic_and_reading_goes_on() {
    let mut bad = write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes());
    bad[14] = 0x4f; // IPv4 with a header length of 60 bytes: the UDP header is lost in it
    bad[16] = 0; // total length 0: shorter than the header
    let out =
        read_one(&write::pcap(1, &frames([bad, write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes())])));
    assert_eq!(out.texts(), [BUSY]);
    assert_eq!(out.stats.malformed, 1);
    assert_eq!(out.seen.diagnostics[0].frame, 1);
    assert!(out.seen.diagnostics[0].to_string().starts_with("frame 1: malformed"));
}

#[test]
fn pcapng_pcap_big_endian_nanoseconds_and_gzip_read_alike() {
    let packets = frames([
        write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes()),
        write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes()),
    ]);
    let pcap = write::pcap(1, &packets);
    let ng = write::pcapng(&[101, 1], &packets.iter().map(|p| (1, p.clone())).collect::<Vec<_>>());
    let be = write::pcap_nanos_be(1, &packets);
    for (name, bytes, pcapng, nanos) in [
        ("pcap", pcap.clone(), false, 0),
        ("pcapng", ng.clone(), true, 0),
        ("pcap, big-endian, ns", be.clone(), false, 7),
        ("pcap.gz", write::gzip(&pcap), false, 0),
        ("pcapng.gz", write::gzip(&ng), true, 0),
    ] {
        let out = read_all(&[&bytes]);
        let format = out.results[0].as_ref().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(format.pcapng, pcapng, "{name}");
        assert_eq!(format.gzip, name.ends_with(".gz"), "{name}");
        assert_eq!(out.texts(), [INVITE, BUSY], "{name}");
        assert_eq!(out.seen.messages[1].time, Timestamp::new(1_700_000_000, 1_000_000 + nanos), "{name}");
        assert_eq!(out.seen.messages[1].frame, 2, "{name}");
    }
}

/// A simple packet block has no time: it takes the time of the packet read
/// before it in its file, and without one it has no known time (never the
/// epoch as if it were a capture time).
#[test]
fn a_pcapng_simple_packet_takes_the_time_before_it_or_none() {
    let invite = write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes());
    let busy = write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes());
    let mut timed_first = write::pcapng(&[1], &[(0, Packet::new(invite.clone()).at(1_700_000_000_250_000))]);
    write::simple_packet(&mut timed_first, &busy);
    let mut simple_first = write::pcapng(&[1], &[]);
    write::simple_packet(&mut simple_first, &invite);
    let out = read_all(&[&timed_first, &simple_first]);
    assert!(out.results.iter().all(Result::is_ok));
    assert_eq!(out.texts(), [INVITE, BUSY, INVITE]);
    let times: Vec<Timestamp> = out.seen.messages.iter().map(|m| m.time).collect();
    let time = Timestamp::new(1_700_000_000, 250_000_000);
    // The second file's packet does not borrow the first file's time.
    assert_eq!(times, [time, time, Timestamp::UNKNOWN]);
    assert!(time.is_known() && !Timestamp::UNKNOWN.is_known());
}

#[test]
fn a_pcapng_packet_on_an_undescribed_interface_is_a_diagnostic() {
    let packet = Packet::new(write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes()));
    let out = read_one(&write::pcapng(&[1], &[(3, packet.clone()), (0, packet)]));
    assert_eq!(out.texts(), [INVITE]);
    assert_eq!(out.seen.messages[0].frame, 2);
    assert_eq!(out.seen.diagnostics[0].problem, Problem::UnknownInterface(3));
}

#[test]
fn a_bad_file_is_a_typed_error_with_its_offset() {
    let out = read_all(&[b"GIF89a and more", b"", b"\x0a\x0d"]);
    for result in &out.results {
        assert!(
            matches!(result, Err(CaptureError { kind: CaptureErrorKind::Magic(_), offset: 0, .. })),
            "{result:?}"
        );
    }
    assert_eq!(
        out.results[0].as_ref().unwrap_err().to_string(),
        "not a pcap or pcapng capture: it starts with 47 49 46 38"
    );

    // Truncated inside the second record: the first is still read.
    let packets = frames([
        write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes()),
        write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes()),
    ]);
    let whole = write::pcap(1, &packets);
    let cut = &whole[..whole.len() - 10];
    let out = read_all(&[cut]);
    assert_eq!(out.texts(), [INVITE]);
    let error = out.results[0].as_ref().unwrap_err();
    let second_record = 24 + 16 + packets[0].data.len();
    assert!(matches!(error.kind, CaptureErrorKind::Truncated), "{error}");
    assert_eq!(error.offset, second_record as u64);
    assert!(error.to_string().contains(&format!("byte {second_record}")), "{error}");

    // The same in gzip: the offset counts decompressed bytes.
    let out = read_all(&[&write::gzip(cut)]);
    assert_eq!(out.texts(), [INVITE]);
    assert!(out.results[0].as_ref().unwrap_err().to_string().contains("decompressed byte"));

    // A record that claims 3 GB.
    let mut huge = write::pcap(1, &packets[..1]);
    huge[24 + 8..24 + 12].copy_from_slice(&3_000_000_000u32.to_le_bytes());
    let error = read_all(&[&huge]).results.remove(0).unwrap_err();
    assert!(matches!(error.kind, CaptureErrorKind::TooLarge | CaptureErrorKind::Truncated), "{error}");
}

#[test]
fn ipv4_and_ipv6_fragments_are_reassembled_in_any_order() {
    let invite = rfc3665().into_iter().find(|m| m.len() > 700).unwrap();
    for v6 in [false, true] {
        let fragments = if v6 {
            write::udp6_fragments(7, 256, invite.as_bytes())
        } else {
            write::udp4_fragments(7, 256, invite.as_bytes())
        };
        assert!(fragments.len() >= 3);
        let mut reversed = fragments.clone();
        reversed.reverse();
        for order in [fragments.clone(), reversed] {
            let count = order.len() as u64;
            let out = read_one(&write::pcap(1, &frames(order)));
            assert_eq!(out.texts(), [invite.as_str()], "v6: {v6}");
            assert_eq!(out.seen.messages[0].frame, count, "the frame that completed it");
            assert_eq!(
                (out.stats.fragments, out.stats.reassembled, out.stats.fragments_dropped),
                (count, 1, 0)
            );
        }
        // A datagram missing a fragment: its fragments are counted as dropped at the end.
        let out = read_one(&write::pcap(1, &frames(fragments[1..].to_vec())));
        assert!(out.texts().is_empty());
        assert_eq!(out.stats.fragments_dropped, fragments.len() as u64 - 1);
    }
}

#[test]
fn fragments_are_bounded_in_number_and_time() {
    let limits = Limits { max_fragmented: 4, ..Limits::default() };
    let mut reader = Reader::new(limits);
    let mut seen = Collect::default();
    // 100 datagrams whose last fragment never comes, then one whole.
    let mut packets = Vec::new();
    for id in 0..100 {
        packets.push(write::udp4_fragments(id, 256, INVITE.repeat(3).as_bytes()).remove(0));
    }
    packets.extend(write::udp4_fragments(1000, 256, INVITE.repeat(3).as_bytes()));
    reader.read(&write::pcap(1, &frames(packets))[..], &mut seen).unwrap();
    assert!(reader.frag.open_datagrams() <= 4);
    let stats = reader.finish(&mut seen);
    assert_eq!(seen.messages.len(), 1);
    assert_eq!(stats.fragments_dropped, 100);
}

fn tcp(seq: u32, flags: &str, payload: &[u8]) -> Vec<u8> {
    write::tcp4((ALICE, 5060), (BOB, 5060), seq, flags, payload)
}

#[test]
fn tcp_several_messages_in_one_segment_and_keepalives_between() {
    let both = format!("{INVITE}\r\n\r\n{BUSY}");
    let out = read_one(&write::pcap(
        1,
        &frames([tcp(99, "S", b""), tcp(100, "", both.as_bytes()), tcp(100 + both.len() as u32, "F", b"")]),
    ));
    assert_eq!(out.texts(), [INVITE, BUSY]);
    assert!(out.seen.messages.iter().all(|m| m.transport == Transport::Tcp && m.frame == 2));
    assert_eq!((out.stats.sip_tcp, out.stats.keepalives), (2, 1));
    assert!(out.seen.diagnostics.is_empty(), "{:?}", out.seen.diagnostics);
}

#[test]
fn tcp_a_message_split_over_segments_and_segments_out_of_order() {
    let text = format!("{INVITE}{BUSY}");
    let bytes = text.as_bytes();
    let cuts = [0, 10, 60, 61, INVITE.len() + 3, bytes.len()];
    let segments: Vec<Vec<u8>> =
        cuts.windows(2).map(|w| tcp(1000 + w[0] as u32, "", &bytes[w[0]..w[1]])).collect();
    let in_order = read_one(&write::pcap(1, &frames(segments.clone())));
    assert_eq!(in_order.texts(), [INVITE, BUSY]);
    assert_eq!(in_order.seen.messages[0].frame, 4, "the segment that completed the INVITE");

    // Reversed, and with a retransmission: the same messages.
    let mut shuffled: Vec<Vec<u8>> = segments.iter().rev().cloned().collect();
    shuffled.insert(2, segments[1].clone());
    let out = read_one(&write::pcap(1, &frames(shuffled)));
    // Without a SYN the first segment seen sets the start: here the last
    // one, so the capture is read as starting mid-stream; the earlier bytes
    // come before that start and are skipped. With a SYN first, order is known.
    let mut with_syn = vec![tcp(999, "S", b"")];
    with_syn.extend(segments.iter().rev().cloned());
    with_syn.insert(3, segments[1].clone());
    let out_syn = read_one(&write::pcap(1, &frames(with_syn)));
    assert_eq!(out_syn.texts(), [INVITE, BUSY]);
    assert!(out_syn.stats.tcp_retransmissions >= 1);
    assert!(out.texts().len() <= 1, "no invented messages: {:?}", out.texts());
}

#[test]
fn tcp_a_capture_that_starts_mid_message_finds_the_next_start_line() {
    let text = format!("{INVITE}{BUSY}");
    let from_middle = &text.as_bytes()[40..];
    let out = read_one(&write::pcap(1, &frames([tcp(5, "", from_middle)])));
    assert_eq!(out.texts(), [BUSY]);
    assert_eq!(out.stats.tcp_bytes_skipped, INVITE.len() as u64 - 40);
}

/// A capture that starts mid-connection (no SYN) and catches its first
/// segments out of order: the stream starts at the first segment seen; a
/// segment before it was never seen, so it is no retransmission (its bytes
/// are skipped); one sent again after it was seen is.
#[test]
fn tcp_a_stream_met_mid_connection_counts_only_data_seen_twice_as_retransmitted() {
    let messages = [INVITE, BUSY, INVITE, BUSY];
    let mut seq = 7_000;
    let segments: Vec<Vec<u8>> = messages
        .iter()
        .map(|message| {
            let segment = tcp(seq, "", message.as_bytes());
            seq += message.len() as u32;
            segment
        })
        .collect();
    let order = [1, 0, 2, 1, 3];
    let out = read_one(&write::pcap(1, &frames(order.iter().map(|&i| segments[i].clone()))));
    assert_eq!(out.texts(), [BUSY, INVITE, BUSY]);
    assert_eq!(
        (out.stats.sip_tcp, out.stats.tcp_retransmissions, out.stats.tcp_bytes_skipped, out.stats.tcp_gaps),
        (3, 1, INVITE.len() as u64, 0)
    );
    assert!(out.seen.diagnostics.is_empty(), "{:?}", out.seen.diagnostics);
}

#[test]
fn tcp_a_stream_that_never_completes_is_reported_at_the_end() {
    let out = read_one(&write::pcap(1, &frames([tcp(0, "S", b""), tcp(1, "", &INVITE.as_bytes()[..100])])));
    assert!(out.texts().is_empty());
    assert_eq!(out.stats.tcp_incomplete, 1);
    assert_eq!(
        out.seen.diagnostics,
        [Diagnostic { file: 0, frame: 2, problem: Problem::TcpIncomplete { bytes: 100 } }]
    );
}

#[test]
fn tcp_a_gap_loses_one_message_not_the_stream() {
    let text = format!("{INVITE}{BUSY}{INVITE}");
    let bytes = text.as_bytes();
    let limits = Limits { max_tcp_pending: 200, ..Limits::default() };
    let mut reader = Reader::new(limits);
    let mut seen = Collect::default();
    // Bytes 50..100 of the first INVITE are never captured.
    let segments = [tcp(0, "S", b""), tcp(1, "", &bytes[..50]), tcp(101, "", &bytes[100..])];
    reader.read(&write::pcap(1, &frames(segments))[..], &mut seen).unwrap();
    let stats = reader.finish(&mut seen);
    let texts: Vec<_> = seen.messages.iter().map(|m| String::from_utf8(m.bytes.clone()).unwrap()).collect();
    assert_eq!(texts, [BUSY, INVITE]);
    assert_eq!(stats.tcp_gaps, 1);
    assert_eq!(seen.diagnostics[0].problem, Problem::TcpGap);
}

#[test]
fn tcp_a_bad_content_length_is_reported_and_the_stream_recovers() {
    let bad = "OPTIONS sip:a SIP/2.0\r\nContent-Length: 99999999\r\n\r\n";
    let text = format!("{bad}{BUSY}");
    let out = read_one(&write::pcap(1, &frames([tcp(0, "S", b""), tcp(1, "", text.as_bytes())])));
    assert_eq!(out.texts(), [BUSY]);
    assert_eq!(out.stats.tcp_bad_messages, 1);
    assert!(matches!(out.seen.diagnostics[0].problem, Problem::TcpMessage(MessageError::TooLong { .. })));
}

#[test]
fn tcp_tls_websocket_and_other_streams_are_counted_not_read() {
    let stream = |port: u16, payload: &[u8]| {
        [
            write::tcp4((ALICE, port), (BOB, 443), 0, "S", b""),
            write::tcp4((ALICE, port), (BOB, 443), 1, "", payload),
        ]
    };
    let mut packets = Vec::new();
    packets.extend(stream(1, &[0x16, 0x03, 0x01, 0x02, 0x00, 0x01]));
    packets
        .extend(stream(2, b"GET /sip HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Protocol: sip\r\n\r\n"));
    packets.extend(stream(3, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    packets.push(write::tcp4((ALICE, 3), (BOB, 443), 28, "", INVITE.as_bytes()));
    let out = read_one(&write::pcap(1, &frames(packets)));
    assert!(out.texts().is_empty());
    let s = &out.stats;
    assert_eq!(
        (s.tcp_tls_streams, s.tcp_websocket_streams, s.tcp_other_streams, s.tcp_segments_skipped),
        (1, 1, 1, 4)
    );
}

#[test]
fn a_tcp_stream_crosses_files_of_one_trace() {
    let bytes = INVITE.as_bytes();
    let first = write::pcap(1, &frames([tcp(0, "S", b""), tcp(1, "", &bytes[..70])]));
    let second = write::pcap(1, &frames([tcp(71, "", &bytes[70..])]));
    let out = read_all(&[&first, &second]);
    assert_eq!(out.texts(), [INVITE]);
    assert_eq!((out.seen.messages[0].file, out.seen.messages[0].frame), (1, 1));
    assert_eq!(out.stats.files, 2);
}

#[test]
fn tcp_streams_are_bounded() {
    let limits = Limits { max_tcp_streams: 8, ..Limits::default() };
    let mut reader = Reader::new(limits);
    let mut seen = Collect::default();
    let packets: Vec<_> = (0..100)
        .map(|port| write::tcp4((ALICE, port), (BOB, 5060), 1, "", &INVITE.as_bytes()[..50]))
        .collect();
    reader.read(&write::pcap(1, &frames(packets))[..], &mut seen).unwrap();
    assert!(reader.tcp.open_streams() <= 8);
    let stats = reader.finish(&mut seen);
    assert_eq!(stats.tcp_streams_evicted, 92);
    assert_eq!(stats.tcp_incomplete, 100, "each stream, dropped or left at the end, held half a message");
}

#[test]
fn every_rfc_3665_message_over_udp_and_over_one_tcp_stream() {
    let messages = rfc3665();
    let udp: Vec<Vec<u8>> =
        messages.iter().map(|m| write::udp4((ALICE, 5060), (BOB, 5060), m.as_bytes())).collect();
    let out = read_one(&write::pcap(1, &frames(udp)));
    assert_eq!(out.texts(), messages.iter().map(String::as_str).collect::<Vec<_>>());

    let stream = messages.concat();
    let mut segments = vec![tcp(0, "S", b"")];
    let mut at = 0;
    for (i, size) in [1, 7, 100, 1460, 3, 536].iter().cycle().enumerate() {
        if at >= stream.len() {
            break;
        }
        let end = (at + size + i % 5).min(stream.len());
        segments.push(tcp(1 + at as u32, "", &stream.as_bytes()[at..end]));
        at = end;
    }
    let out = read_one(&write::pcap(1, &frames(segments)));
    assert_eq!(out.texts(), messages.iter().map(String::as_str).collect::<Vec<_>>());
    for seen in &out.seen.messages {
        Message::parse(&seen.bytes).unwrap();
    }
}

/// A trace of the RFC 3665 messages over TCP, cut at `cuts` and sent with
/// the segments permuted within windows of `window`.
fn tcp_trace(cuts: &[usize], window: usize) -> (Vec<String>, Vec<u8>) {
    let messages: Vec<String> = rfc3665().into_iter().take(12).collect();
    let stream = messages.concat();
    let mut points: Vec<usize> = cuts.iter().map(|c| c % stream.len()).collect();
    points.extend([0, stream.len()]);
    points.sort_unstable();
    points.dedup();
    let mut segments: Vec<Vec<u8>> = points
        .windows(2)
        .map(|w| tcp(0x7fff_fff0u32.wrapping_add(w[0] as u32), "", &stream.as_bytes()[w[0]..w[1]]))
        .collect();
    for chunk in segments.chunks_mut(window.max(1)) {
        chunk.reverse();
    }
    segments.insert(0, tcp(0x7fff_ffef, "S", b""));
    (messages, write::pcap(1, &frames(segments)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_as_a_capture_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_all(&[&bytes]);
    }

    #[test]
    fn arbitrary_records_after_a_valid_header_never_panic(
        link in prop::sample::select(vec![0u32, 1, 101, 108, 113, 228, 229, 276]),
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        pcapng in any::<bool>(),
    ) {
        let mut bytes = if pcapng { write::pcapng(&[link], &[]) } else { write::pcap(link, &[]) };
        bytes.extend_from_slice(&body);
        let _ = read_all(&[&bytes]);
    }

    #[test]
    fn arbitrary_frames_and_payloads_never_panic(
        link in prop::sample::select(vec![0u32, 1, 101, 108, 113, 228, 229, 276]),
        frames_data in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 1..8),
        payload in proptest::collection::vec(any::<u8>(), 0..600),
        sip_prefix in any::<bool>(),
    ) {
        let mut payload = payload;
        if sip_prefix {
            payload.splice(0..0, b"SIP/2.0 200 OK\r\nContent-Length: 5\r\n".iter().copied());
        }
        let mut packets = frames(frames_data);
        packets.push(Packet::new(write::udp4((ALICE, 5060), (BOB, 5060), &payload)));
        packets.push(Packet::new(tcp(1, "", &payload)));
        packets.push(Packet::new(tcp(1 + payload.len() as u32, "", &payload)));
        let out = read_all(&[&write::pcap(link, &packets)]);
        prop_assert!(out.results[0].is_ok());
        for seen in &out.seen.messages {
            let _ = Message::parse(&seen.bytes);
        }
    }

    #[test]
    fn arbitrary_bytes_split_as_a_message_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        if let Ok(message) = Message::parse(&bytes) {
            for (name, value) in message.headers() {
                prop_assert!(!name.is_empty());
                prop_assert!(!value.contains('\n'));
            }
        }
        let _ = sip::frame(&bytes, 512);
    }

    #[test]
    fn any_segmentation_and_reordering_gives_the_messages_back(
        cuts in proptest::collection::vec(any::<usize>(), 0..40),
        window in 1usize..6,
    ) {
        let (messages, capture) = tcp_trace(&cuts, window);
        let out = read_one(&capture);
        prop_assert_eq!(out.texts(), messages.iter().map(String::as_str).collect::<Vec<_>>());
        prop_assert!(out.seen.diagnostics.is_empty());
    }
}

#[test]
fn timestamps_carry_and_subtract() {
    let t = Timestamp::new(10, 2_500_000_000);
    assert_eq!((t.secs(), t.subsec_nanos(), t.as_micros()), (12, 500_000_000, 12_500_000));
    let earlier = Timestamp::new(11, 900_000_000);
    assert_eq!(t.since(earlier), Some(std::time::Duration::from_millis(600)));
    assert_eq!(earlier.since(t), None);
    assert_eq!(t.to_string(), "12.500000000");
    let before_epoch = Timestamp::new(-2, 500_000_000);
    assert_eq!((before_epoch.secs(), before_epoch.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(before_epoch.to_string(), "-2.500000000");
    for time in [t, earlier, before_epoch, Timestamp::new(i64::MAX, 999_999_999), Timestamp::new(i64::MIN, 0)]
    {
        assert_eq!(time.to_string().parse::<Timestamp>(), Ok(time), "{time}");
    }
    for bad in ["12", "12.5", "12.+00000005", "x.500000000", "12.5000000000", ""] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
    // Past 2262 or before 1677, a time is held at the end of the range, in order.
    let (late, later) = (Timestamp::new(i64::MAX / 2, 0), Timestamp::new(i64::MAX, 999_999_999));
    assert_eq!(late, later);
    assert!(Timestamp::new(9_223_372_035, 0) < late);
    assert_eq!(Timestamp::new(i64::MIN, 0).since(late), None);
    assert_eq!(late.since(Timestamp::new(i64::MIN, 0)), Some(std::time::Duration::from_nanos(u64::MAX)));
}

#[test]
fn files_by_path_and_stats_that_merge() {
    let dir = std::env::temp_dir().join(format!("sipcode-capture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("trace.pcap.gz");
    let packets = frames([write::udp4((ALICE, 5060), (BOB, 5060), INVITE.as_bytes())]);
    std::fs::write(&path, write::gzip(&write::pcap(1, &packets))).unwrap();
    let mut reader = Reader::new(Limits::default());
    let mut seen = Collect::default();
    let missing = reader.read_path(&dir.join("missing.pcap"), &mut seen).unwrap_err();
    assert!(matches!(missing.kind, CaptureErrorKind::Io(_)));
    assert_eq!(missing.file, 0);
    assert_eq!(reader.read_path(&path, &mut seen).unwrap(), Format { pcapng: false, gzip: true });
    assert_eq!(reader.stats().sip_udp, 1);
    assert_eq!(seen.messages[0].file, 1, "files are numbered in the order given, failed ones too");
    std::fs::remove_dir_all(&dir).unwrap();

    let mut total = reader.finish(&mut seen);
    let one = total.clone();
    total.merge(&one);
    assert_eq!((total.files, total.frames, total.sip_udp, total.bytes), (2, 2, 2, 2 * one.bytes));
}

#[test]
fn the_splitter_reads_what_the_reader_found() {
    let packets = frames([write::udp4((BOB, 5060), (ALICE, 5060), BUSY.as_bytes())]);
    let out = read_one(&write::pcap(1, &packets));
    let message = Message::parse(&out.seen.messages[0].bytes).unwrap();
    let StartLine::Response { status: Ok(status), .. } = message.start_line() else { panic!("a 486") };
    assert_eq!(status.code().as_u16(), 486);
    let headers: Headers<'_> = message.headers();
    assert!(headers.count() < MAX_HEADER_LINES);
    assert_eq!(message.header("i").as_deref(), Some("3848276298220188511@atlanta.example.com"));
}
