//! The trace model and the check over a capture (sipcode/src/trace), through the tool's entry
//! point, `sipcode stats --json -` and `sipcode check --json -`: any SIP messages, in any order
//! and at any pace, give a summary and findings, never a panic, and the summary is JSON.
//!
//! The capture reader has a target of its own (`capture`); here the input is SIP text, which
//! the target wraps in UDP datagrams of a pcap file so that the fuzzer spends its time on the
//! messages: the first byte is the time between two messages in tenths of a second, the rest
//! is the messages, separated by NUL bytes; a response (`SIP/2.0 …`) goes from Bob to Alice,
//! anything else from Alice to Bob. The model is not reachable from outside the tool, so the
//! target drives the command (`sipcode::run`).
#![no_main]

use etherparse::PacketBuilder;
use libfuzzer_sys::fuzz_target;

const ALICE: ([u8; 4], u16) = ([192, 0, 2, 1], 5060);
const BOB: ([u8; 4], u16) = ([192, 0, 2, 2], 5060);

/// A classic pcap file (Ethernet) of `messages`, `step` microseconds apart.
fn capture(messages: &[u8], step: u64) -> Vec<u8> {
    let mut pcap = Vec::with_capacity(24 + messages.len() + 64);
    // Magic, version 2.4, time zone, accuracy, snap length, link type 1 (Ethernet).
    for field in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 65535, 1] {
        pcap.extend_from_slice(&field.to_le_bytes());
    }
    for (i, message) in messages.split(|&byte| byte == 0).enumerate() {
        let (from, to) = if message.starts_with(b"SIP/2.0 ") { (BOB, ALICE) } else { (ALICE, BOB) };
        let builder = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
            .ipv4(from.0, to.0, 64)
            .udp(from.1, to.1);
        let mut frame = Vec::with_capacity(builder.size(message.len()));
        if builder.write(&mut frame, message).is_err() {
            return pcap; // longer than a datagram: the capture ends here
        }
        let micros = 1_700_000_000_000_000 + i as u64 * step;
        for field in [micros / 1_000_000, micros % 1_000_000, frame.len() as u64, frame.len() as u64] {
            pcap.extend_from_slice(&(field as u32).to_le_bytes());
        }
        pcap.extend_from_slice(&frame);
    }
    pcap
}

fuzz_target!(|data: &[u8]| {
    let Some((&step, messages)) = data.split_first() else { return };
    let pcap = capture(messages, u64::from(step) * 100_000);
    for command in ["stats", "check"] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = ["sipcode", command, "--json", "-"];
        let exit = sipcode::run(args, &mut &pcap[..], &mut out, &mut err, false, false);
        assert!(exit <= 2, "{command}: exit {exit}");
        if exit == 0 {
            if let Err(error) = serde_json::from_slice::<serde_json::Value>(&out) {
                panic!("{command}: {error}: {}", String::from_utf8_lossy(&out));
            }
        }
    }
});
