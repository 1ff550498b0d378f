//! What the tests of rsip and of rsipstack (a fork of rsip's `StatusCode`)
//! share: the conversions of the two types behave alike, so one set of tests
//! is written once and stamped for each.

/// The tests every rsip-like `StatusCode` (named `Peer` where this is called)
/// passes: every catalogued code there and back, every `u16` read like
/// `from_u16`, refusals as typed errors, and the peer's reason never read.
#[macro_export]
macro_rules! rsip_like_tests {
    () => {
        #[test]
        fn every_catalogued_code_goes_there_and_back() {
            for entry in CATALOGUE {
                let code = StatusCode::from_u16(entry.code).unwrap();
                let peer = Peer::from(code);
                assert_eq!(peer.code(), entry.code, "{code}");
                // Without a variant, the wire text is the registered phrase, not the peer's "Other".
                if let Peer::Other(_, reason) = &peer {
                    assert_eq!(reason, entry.phrase, "{code}");
                    assert_eq!(peer.to_string(), code.to_string());
                }
                assert_eq!(StatusCode::try_from(&peer), Ok(code), "{code}");
                assert_eq!(StatusCode::try_from(peer), Ok(code), "{code}");
            }
        }

        #[test]
        fn every_number_is_read_like_from_u16() {
            // The peer keeps every u16 (its `Other` holds the rest): sip-codes decides.
            for number in 0..=u16::MAX {
                let peer = Peer::from(number);
                assert_eq!(StatusCode::try_from(&peer), StatusCode::from_u16(number), "{number}");
            }
        }

        #[test]
        fn refused_numbers_are_the_typed_error() {
            for number in [0, 99, 700, 702, 999, u16::MAX] {
                let error = StatusCode::try_from(Peer::Other(number, "Whatever".into())).unwrap_err();
                assert_eq!(error.code(), Some(number));
                assert!(error.to_string().contains("100 to 699"), "{error}");
            }
            // The catalogued stack-local 701 is accepted, whatever reason the peer carries.
            let hangup = StatusCode::try_from(Peer::Other(701, "Bye".into())).unwrap();
            assert_eq!(hangup.canonical_reason(), Some("Party Hangs Up"));
        }

        #[test]
        fn the_peer_reason_text_is_not_read() {
            let sent = Peer::Other(486, "Go away".into());
            assert_eq!(StatusCode::try_from(&sent), Ok(StatusCode::BUSY_HERE));
            // An uncatalogued code keeps the peer's default phrase on the way out.
            let extension = StatusCode::from_u16(499).unwrap();
            assert_eq!(Peer::from(extension), Peer::from(499));
        }
    };
}
