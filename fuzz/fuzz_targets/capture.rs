//! The capture reader of `sipcode` (sipcode/src/capture): no input makes it
//! panic, whether the bytes are a whole file or the records after a valid
//! header, and every message it hands out splits without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

use sipcode::capture::{Handler, Limits, Message, Reader, SipMessage};

struct Split;

impl Handler for Split {
    fn message(&mut self, message: &SipMessage<'_>) {
        if let Ok(message) = Message::parse(message.bytes) {
            for (name, value) in message.headers() {
                assert!(!name.is_empty() && !value.contains('\n'));
            }
            let _ = message.irregular_lines();
        }
    }
}

/// Link types the reader decodes, for the header the fuzzer's bytes may follow.
const LINKS: [u32; 8] = [0, 1, 101, 108, 113, 228, 229, 276];

fuzz_target!(|data: &[u8]| {
    let _ = Message::parse(data);
    // Small limits, so that the bounds are reached too.
    let limits = Limits {
        max_tcp_streams: 4,
        max_tcp_pending: 4096,
        max_fragmented: 4,
        max_message: 8192,
        ..Limits::default()
    };
    let mut reader = Reader::new(limits);
    let input = match data.split_first() {
        // The records of a classic pcap file, after a header written here.
        Some((&selector, rest)) if selector & 1 == 1 => {
            let link = LINKS[usize::from(selector >> 1) % LINKS.len()];
            let mut file = Vec::with_capacity(24 + rest.len());
            for field in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 65535, link] {
                file.extend_from_slice(&field.to_le_bytes());
            }
            file.extend_from_slice(rest);
            file
        }
        _ => data.to_vec(),
    };
    let _ = reader.read(&input[..], &mut Split);
    let _ = reader.finish(&mut Split);
});
