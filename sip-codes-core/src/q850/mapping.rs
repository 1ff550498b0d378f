//! The mappings between Q.850 causes and SIP responses, both directions, for
//! every profile: the one place where a mapping is written.
//!
//! Each table has one row per value that some profile lists, and one column
//! per profile, in the order of `Profile::ALL`:
//!
//! ```text
//! RFC 3398 | FreeSWITCH | Asterisk
//! ```
//!
//! A cell is a number, `-` (the profile maps it to nothing), or `_` (the
//! profile does not list it: its default applies, see `profile.rs`). A row
//! may end with RFC 3398's footnote for it, in brackets. `profile.rs` turns
//! the rows into constant-time lookups at compile time.
//!
//! Sources, each read at the text or commit named:
//! - RFC 3398 §7.2.4.1 (cause to response) and §8.2.6.1 (response to cause),
//!   with their footnotes. §8.2.6.1 prints the 505 row as "504 Version Not
//!   Supported" (two 504 rows in a row, the second with 505's phrase and its
//!   own cause, 127): a typo for 505, the only code with that phrase, so the
//!   row is keyed on 505 here.
//! - FreeSWITCH cc93a683: src/mod/endpoints/mod_sofia/mod_sofia.c
//!   `hangup_cause_to_sip` and src/mod/endpoints/mod_sofia/sofia_glue.c
//!   `sofia_glue_sip_cause_to_freeswitch`. FreeSWITCH maps some responses to
//!   causes of its own above 127 (487 to ORIGINATOR_CANCEL, 607 to UNWANTED,
//!   428/429/437/438 to its STIR/SHAKEN causes); as a Q.850 value it reports
//!   those as 16, Normal call clearing (`switch_channel_cause_q850` in
//!   src/switch_channel.c), which is what the column holds.
//! - Asterisk f0c1c1a7: channels/chan_pjsip.c `hangup_cause2sip` and
//!   res/res_pjsip.c `ast_sip_hangup_sip2cause`, with the AST_CAUSE_* values
//!   of include/asterisk/causes.h.
//!
//! `sip-codes-testdata/data/q850-mapping.tsv` lists the same rows with their sources; the
//! tests check every cause and every code of every profile against it.

/// Calls `$callback!` with the cause-to-response rows.
macro_rules! cause_to_status_rows {
    ($callback:ident) => {
        $callback! {
            // cause  RFC  FS   Ast.
            1    404  404  404;
            2    404  404  404;
            3    404  404  404;
            // (*) Usually a BYE or CANCEL, not a response.
            16   -    _    _    [clearing];
            17   486  486  486;
            18   408  408  408;
            19   480  480  480;
            20   480  480  480;
            // (+) A 6xx may be given instead when the cause location is the user.
            21   403  603  403  [at_user 603];
            // 410 without a diagnostic; 301 when the diagnostic carries the new number.
            22   410  410  410  [new_number 301];
            23   410  410  302;
            25   _    483  _;
            // (=) An ANSI procedure.
            26   404  _    _;
            27   502  502  502;
            28   484  484  484;
            29   501  501  501;
            31   480  480  480;
            34   503  503  503;
            38   503  503  500;
            41   503  503  _;
            42   503  503  503;
            44   _    503  _;
            47   503  _    _;
            // 52 and 54 are not Q.850 (ETSI's barred calls); FreeSWITCH lists them.
            52   _    403  _;
            54   _    403  _;
            55   403  _    _;
            57   403  403  _;
            58   503  503  488;
            65   488  488  _;
            66   _    _    503;
            69   _    501  _;
            70   488  _    _;
            79   501  501  _;
            87   403  _    _;
            88   503  488  _;
            102  504  504  _;
            111  500  _    _;
            127  500  _    500;
        }
    };
}

/// Calls `$callback!` with the response-to-cause rows.
macro_rules! status_to_cause_rows {
    ($callback:ident) => {
        $callback! {
            // code RFC  FS   Ast.
            200  _    16   _;
            302  _    _    23;
            400  41   41   _;
            // (*) Only if the gateway cannot authenticate itself.
            401  21   21   21   [unless_authenticated];
            402  21   21   _;
            403  21   21   21;
            404  1    1    1;
            405  63   63   127;
            // (+) The gateway should first remedy and re-originate.
            406  79   79   _    [retry_first];
            407  21   21   21   [unless_authenticated];
            408  102  102  18;
            409  _    _    41;
            410  22   22   22;
            411  _    _    127;
            413  127  127  127  [retry_first];
            414  127  127  127  [retry_first];
            415  79   79   127  [retry_first];
            416  127  127  _    [retry_first];
            420  127  127  3    [retry_first];
            421  127  127  _    [retry_first];
            423  127  127  _    [retry_first];
            428  _    16   _;
            429  _    16   _;
            437  _    16   _;
            438  _    16   _;
            480  18   18   19;
            481  41   41   127;
            482  25   25   127;
            483  25   25   19;
            484  28   28   28   [retry_first];
            485  1    3    1;
            486  17   17   17;
            // No mapping: the call was cancelled, the REL carries the cause of the CANCEL.
            487  -    16   127;
            // By the Warning header: 31 by default, 65 for an unavailable bearer capability.
            488  31   88   58   [by_warning];
            491  _    _    127;
            493  _    _    127;
            500  41   41   38;
            501  79   79   29;
            502  38   38   27;
            503  41   41   34;
            504  102  102  102;
            // The RFC prints this row as "504 Version Not Supported".
            505  127  127  127  [retry_first];
            513  127  127  _    [retry_first];
            600  17   17   17;
            603  21   21   21;
            604  1    3    1;
            606  31   88   58   [by_warning];
            607  _    16   _;
            608  _    21   _;
        }
    };
}
