//! Throughput of the capture reader on synthetic traces: `cargo bench -p
//! sipcode --bench capture`. Each trace is 100,000 SIP messages, RFC 3665's
//! call flows over and over, read from memory; divan prints bytes per second.
//!
//! With `SIPCODE_CAPTURE_BENCH_DIR=DIR` the traces are also written there as
//! files, so that `cat`, `grep -c` and tshark can be timed on the same bytes
//! (BENCHMARKS.md, "Capture reading").
//!
//! sipcode is a binary: its capture module and the test helper that writes
//! captures are compiled into this bench from their sources.
// Compiled here, the module's API and its test helpers are mostly unused.
#![allow(dead_code, unused_imports)]

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;

#[path = "../src/capture/mod.rs"]
mod capture;
// The bench writes its traces with the tests' helper. Compiled with
// cfg(test), as cargo compiles benches, the module above loads it too.
#[allow(clippy::duplicate_mod)]
#[path = "../src/capture/write.rs"]
mod write;

use capture::{Handler, Limits, Message, Reader, SipMessage};

fn main() {
    if let Some(dir) = std::env::var_os("SIPCODE_CAPTURE_BENCH_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the bench directory");
        for (name, bytes) in [
            ("udp.pcap", &*UDP_PCAP),
            ("udp.pcapng", &*UDP_PCAPNG),
            ("tcp.pcap", &*TCP_PCAP),
            ("udp.pcap.gz", &*UDP_PCAP_GZ),
        ] {
            std::fs::write(dir.join(name), bytes).expect("a bench trace");
        }
    }
    divan::main();
}

const MESSAGES: usize = 100_000;

fn messages() -> Vec<String> {
    let flows: Vec<String> =
        sip_codes_testdata::messages("rfc3665-messages.txt").into_iter().map(|m| m.text).collect();
    flows.iter().cycle().take(MESSAGES).cloned().collect()
}

/// Each message in a UDP datagram between two hosts, 100 µs apart.
fn udp_packets() -> Vec<write::Packet> {
    let (a, b) = (([10, 0, 0, 1], 5060), ([10, 0, 0, 2], 5060));
    let data = messages().into_iter().enumerate().map(|(i, m)| {
        let (src, dst) = if i % 2 == 0 { (a, b) } else { (b, a) };
        write::udp4(src, dst, m.as_bytes())
    });
    write::frames(data)
}

static UDP_PCAP: LazyLock<Vec<u8>> = LazyLock::new(|| write::pcap(1, &udp_packets()));
static UDP_PCAPNG: LazyLock<Vec<u8>> =
    LazyLock::new(|| write::pcapng(&[1], &udp_packets().into_iter().map(|p| (0, p)).collect::<Vec<_>>()));
static UDP_PCAP_GZ: LazyLock<Vec<u8>> = LazyLock::new(|| write::gzip(&UDP_PCAP));

/// The same messages over 16 TCP connections, in segments of at most 1,460 bytes.
static TCP_PCAP: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut streams: Vec<String> = vec![String::new(); 16];
    for (i, message) in messages().into_iter().enumerate() {
        streams[i % 16].push_str(&message);
    }
    let mut segments = Vec::new();
    let mut offsets = [1u32; 16];
    let chunks: Vec<Vec<&[u8]>> = streams.iter().map(|s| s.as_bytes().chunks(1460).collect()).collect();
    let longest = chunks.iter().map(Vec::len).max().unwrap_or(0);
    for index in 0..longest {
        for (stream, chunks) in chunks.iter().enumerate() {
            if let Some(chunk) = chunks.get(index) {
                let port = 40000 + stream as u16;
                segments.push(write::tcp4(
                    ([10, 0, 0, 1], port),
                    ([10, 0, 0, 2], 5060),
                    offsets[stream],
                    "",
                    chunk,
                ));
                offsets[stream] += chunk.len() as u32;
            }
        }
    }
    write::pcap(1, &write::frames(segments))
});

/// Counts what it is handed, reading every byte's length.
#[derive(Default)]
struct Count {
    messages: usize,
    bytes: usize,
}

impl Handler for Count {
    fn message(&mut self, message: &SipMessage<'_>) {
        self.messages += 1;
        self.bytes += black_box(message.bytes).len();
    }
}

fn read(bencher: Bencher, trace: &[u8]) {
    bencher.counter(BytesCount::new(trace.len())).bench(|| {
        let mut reader = Reader::new(Limits::default());
        let mut count = Count::default();
        reader.read(black_box(trace), &mut count).expect("the trace reads");
        let stats = reader.finish(&mut count);
        assert_eq!(count.messages, MESSAGES);
        stats
    });
}

#[divan::bench(sample_count = 10)]
fn udp_pcap(bencher: Bencher) {
    read(bencher, &UDP_PCAP);
}

#[divan::bench(sample_count = 10)]
fn udp_pcapng(bencher: Bencher) {
    read(bencher, &UDP_PCAPNG);
}

#[divan::bench(sample_count = 10)]
fn tcp_pcap(bencher: Bencher) {
    read(bencher, &TCP_PCAP);
}

#[divan::bench(sample_count = 5)]
fn udp_pcap_gz(bencher: Bencher) {
    read(bencher, &UDP_PCAP_GZ);
}

/// Reading, then splitting every message into start line, header fields and
/// body, as the commands will.
#[divan::bench(sample_count = 10)]
fn udp_pcap_and_split(bencher: Bencher) {
    struct Split(usize);
    impl Handler for Split {
        fn message(&mut self, message: &SipMessage<'_>) {
            if let Ok(message) = Message::parse(message.bytes) {
                self.0 += message.headers().count();
            }
        }
    }
    let trace = &*UDP_PCAP;
    bencher.counter(BytesCount::new(trace.len())).bench(|| {
        let mut reader = Reader::new(Limits::default());
        let mut split = Split(0);
        reader.read(black_box(&trace[..]), &mut split).expect("the trace reads");
        split.0
    });
}
