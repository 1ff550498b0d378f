//! The catalogue of ITU-T Q.850 cause values: the one place where a cause is
//! written.
//!
//! This crate expands the rows into the `Cause` constants and the `CAUSES`
//! table (see `mod.rs`); `sip-codes-macros` validates `q850!` against that
//! table, and `sip-codes` expands the rows again, through the exported
//! `q850_causes!`, into the rules of its `q850!` front.
//!
//! A row reads:
//!
//! ```text
//! value CONSTANT CamelName "Q.850 name" ["Other spelling", …]
//! ```
//!
//! Which values are rows. ITU-T Q.850 (05/98, with Addendum 1 of 06/2000 and
//! Amendment 1 of 07/2001) itself is paywalled; its names were read from the
//! open tables that copy it faithfully (Wireshark packet-isup.c, Kamailio
//! isup_parsed.c, Yate engine.cpp, FreeBSD i4b), as listed in
//! `sip-codes-testdata/data/q850-causes.tsv`. The rule: a value is a row when Q.850 defines
//! it, and only then. The values those sources tag `[not Q.850]` (10, 11, 33,
//! 35, 37, 45, 51, 52, 54, 56, 67, 68, 89, 92, 93) come from pre-Q.850 Q.931,
//! ANSI T1.113 or 3GPP tables, and several of them mean different things in
//! different ones (54 is "Incoming calls barred" in ETSI DSS1 and "Call blocked
//! due to group restrictions" in ANSI T1.113): a name would be wrong for some
//! network. They stay valid `Cause` values, as every value from 1 to 127 is on
//! the wire, and their class still follows from their high bits; they have no
//! name, constant or row.
//!
//! Names. The CamelCase name and the SCREAMING constant are the Q.850 name with
//! its parenthesised asides dropped ("Unallocated (unassigned) number" gives
//! `UnallocatedNumber`), through the same word rule as the status codes
//! (`follows_name_rule`). Aliases are other spellings met in the sources above
//! (Wireshark's wording, Asterisk's and FreeSWITCH's identifiers) for lookups
//! by text and for the macros' suggestions; none names another row.
//!
//! The class is not written in the rows: Q.850 codes it in the value's three
//! high bits (see `CauseClass`), and `q850-causes.tsv` is checked against that
//! in the tests.

/// Calls `$callback! { prefix… rows… }` with every row of the Q.850 cause
/// catalogue, sorted by value. The optional prefix tokens go first, as for
/// `catalogue!`.
#[doc(hidden)]
#[macro_export]
macro_rules! q850_causes {
    ($callback:ident $($prefix:tt)*) => {
        $callback! {
            $($prefix)*
            1 UNALLOCATED_NUMBER UnallocatedNumber "Unallocated (unassigned) number" []
            2 NO_ROUTE_TO_SPECIFIED_TRANSIT_NETWORK NoRouteToSpecifiedTransitNetwork
                "No route to specified transit network" []
            3 NO_ROUTE_TO_DESTINATION NoRouteToDestination "No route to destination" []
            4 SEND_SPECIAL_INFORMATION_TONE SendSpecialInformationTone "Send special information tone" []
            5 MISDIALLED_TRUNK_PREFIX MisdialledTrunkPrefix "Misdialled trunk prefix" []
            6 CHANNEL_UNACCEPTABLE ChannelUnacceptable "Channel unacceptable" []
            7 CALL_AWARDED_AND_BEING_DELIVERED_IN_AN_ESTABLISHED_CHANNEL CallAwardedAndBeingDeliveredInAnEstablishedChannel
                "Call awarded and being delivered in an established channel" []
            8 PREEMPTION Preemption "Preemption" []
            9 PREEMPTION_CIRCUIT_RESERVED_FOR_REUSE PreemptionCircuitReservedForReuse
                "Preemption - circuit reserved for reuse" []
            14 QOR_PORTED_NUMBER QorPortedNumber "QoR: ported number" ["Number ported not here"]
            16 NORMAL_CALL_CLEARING NormalCallClearing "Normal call clearing" ["Normal clearing"]
            17 USER_BUSY UserBusy "User busy" []
            18 NO_USER_RESPONDING NoUserResponding "No user responding" []
            19 NO_ANSWER_FROM_USER NoAnswerFromUser "No answer from user (user alerted)" []
            20 SUBSCRIBER_ABSENT SubscriberAbsent "Subscriber absent" []
            21 CALL_REJECTED CallRejected "Call rejected" []
            22 NUMBER_CHANGED NumberChanged "Number changed" []
            23 REDIRECTION_TO_NEW_DESTINATION RedirectionToNewDestination "Redirection to new destination" []
            24 CALL_REJECTED_DUE_TO_FEATURE_AT_THE_DESTINATION CallRejectedDueToFeatureAtTheDestination
                "Call rejected due to feature at the destination" []
            25 EXCHANGE_ROUTING_ERROR ExchangeRoutingError "Exchange routing error" []
            26 NON_SELECTED_USER_CLEARING NonSelectedUserClearing
                "Non-selected user clearing" ["Answered elsewhere"]
            27 DESTINATION_OUT_OF_ORDER DestinationOutOfOrder "Destination out of order" []
            28 INVALID_NUMBER_FORMAT InvalidNumberFormat
                "Invalid number format (address incomplete)" ["Invalid number format (incomplete number)"]
            29 FACILITY_REJECTED FacilityRejected "Facility rejected" []
            30 RESPONSE_TO_STATUS_ENQUIRY ResponseToStatusEnquiry "Response to STATUS ENQUIRY" []
            31 NORMAL_UNSPECIFIED NormalUnspecified "Normal, unspecified" ["Normal unspecified"]
            34 NO_CIRCUIT_CHANNEL_AVAILABLE NoCircuitChannelAvailable
                "No circuit/channel available" ["Normal circuit congestion"]
            38 NETWORK_OUT_OF_ORDER NetworkOutOfOrder "Network out of order" []
            39 PERMANENT_FRAME_MODE_CONNECTION_OUT_OF_SERVICE PermanentFrameModeConnectionOutOfService
                "Permanent frame mode connection out of service" []
            40 PERMANENT_FRAME_MODE_CONNECTION_OPERATIONAL PermanentFrameModeConnectionOperational
                "Permanent frame mode connection operational" []
            41 TEMPORARY_FAILURE TemporaryFailure "Temporary failure" []
            42 SWITCHING_EQUIPMENT_CONGESTION SwitchingEquipmentCongestion "Switching equipment congestion" []
            43 ACCESS_INFORMATION_DISCARDED AccessInformationDiscarded "Access information discarded" []
            44 REQUESTED_CIRCUIT_CHANNEL_NOT_AVAILABLE RequestedCircuitChannelNotAvailable
                "Requested circuit/channel not available" []
            46 PRECEDENCE_CALL_BLOCKED PrecedenceCallBlocked "Precedence call blocked" []
            47 RESOURCE_UNAVAILABLE_UNSPECIFIED ResourceUnavailableUnspecified
                "Resource unavailable, unspecified" ["Resources unavailable, unspecified"]
            49 QUALITY_OF_SERVICE_NOT_AVAILABLE QualityOfServiceNotAvailable
                "Quality of Service not available" ["Quality of service unavailable"]
            50 REQUESTED_FACILITY_NOT_SUBSCRIBED RequestedFacilityNotSubscribed
                "Requested facility not subscribed" []
            53 OUTGOING_CALLS_BARRED_WITHIN_CUG OutgoingCallsBarredWithinCug
                "Outgoing calls barred within CUG" []
            55 INCOMING_CALLS_BARRED_WITHIN_CUG IncomingCallsBarredWithinCug
                "Incoming calls barred within CUG" []
            57 BEARER_CAPABILITY_NOT_AUTHORIZED BearerCapabilityNotAuthorized
                "Bearer capability not authorized" []
            58 BEARER_CAPABILITY_NOT_PRESENTLY_AVAILABLE BearerCapabilityNotPresentlyAvailable
                "Bearer capability not presently available" []
            62 INCONSISTENCY_IN_DESIGNATED_OUTGOING_ACCESS_INFORMATION_AND_SUBSCRIBER_CLASS InconsistencyInDesignatedOutgoingAccessInformationAndSubscriberClass
                "Inconsistency in designated outgoing access information and subscriber class" []
            63 SERVICE_OR_OPTION_NOT_AVAILABLE_UNSPECIFIED ServiceOrOptionNotAvailableUnspecified
                "Service or option not available, unspecified" []
            65 BEARER_CAPABILITY_NOT_IMPLEMENTED BearerCapabilityNotImplemented
                "Bearer capability not implemented" []
            66 CHANNEL_TYPE_NOT_IMPLEMENTED ChannelTypeNotImplemented "Channel type not implemented" []
            69 REQUESTED_FACILITY_NOT_IMPLEMENTED RequestedFacilityNotImplemented
                "Requested facility not implemented" []
            70 ONLY_RESTRICTED_DIGITAL_INFORMATION_BEARER_CAPABILITY_IS_AVAILABLE OnlyRestrictedDigitalInformationBearerCapabilityIsAvailable
                "Only restricted digital information bearer capability is available" []
            79 SERVICE_OR_OPTION_NOT_IMPLEMENTED_UNSPECIFIED ServiceOrOptionNotImplementedUnspecified
                "Service or option not implemented, unspecified" []
            81 INVALID_CALL_REFERENCE_VALUE InvalidCallReferenceValue "Invalid call reference value" []
            82 IDENTIFIED_CHANNEL_DOES_NOT_EXIST IdentifiedChannelDoesNotExist
                "Identified channel does not exist" []
            83 A_SUSPENDED_CALL_EXISTS_BUT_THIS_CALL_IDENTITY_DOES_NOT ASuspendedCallExistsButThisCallIdentityDoesNot
                "A suspended call exists, but this call identity does not" ["Call identity does not exist for suspended call"]
            84 CALL_IDENTITY_IN_USE CallIdentityInUse "Call identity in use" []
            85 NO_CALL_SUSPENDED NoCallSuspended "No call suspended" []
            86 CALL_HAVING_THE_REQUESTED_CALL_IDENTITY_HAS_BEEN_CLEARED CallHavingTheRequestedCallIdentityHasBeenCleared
                "Call having the requested call identity has been cleared" []
            87 USER_NOT_MEMBER_OF_CUG UserNotMemberOfCug
                "User not member of CUG" ["Called user not member of CUG"]
            88 INCOMPATIBLE_DESTINATION IncompatibleDestination "Incompatible destination" []
            90 NON_EXISTENT_CUG NonExistentCug "Non-existent CUG" ["Non-existing CUG"]
            91 INVALID_TRANSIT_NETWORK_SELECTION InvalidTransitNetworkSelection
                "Invalid transit network selection" []
            95 INVALID_MESSAGE_UNSPECIFIED InvalidMessageUnspecified "Invalid message, unspecified" []
            96 MANDATORY_INFORMATION_ELEMENT_IS_MISSING MandatoryInformationElementIsMissing
                "Mandatory information element is missing" []
            97 MESSAGE_TYPE_NON_EXISTENT_OR_NOT_IMPLEMENTED MessageTypeNonExistentOrNotImplemented
                "Message type non-existent or not implemented" []
            98 MESSAGE_NOT_COMPATIBLE_WITH_CALL_STATE_OR_MESSAGE_TYPE_NON_EXISTENT_OR_NOT_IMPLEMENTED MessageNotCompatibleWithCallStateOrMessageTypeNonExistentOrNotImplemented
                "Message not compatible with call state or message type non-existent or not implemented" []
            99 INFORMATION_ELEMENT_PARAMETER_NON_EXISTENT_OR_NOT_IMPLEMENTED InformationElementParameterNonExistentOrNotImplemented
                "Information element/parameter non-existent or not implemented" ["Information element non-existent or not implemented"]
            100 INVALID_INFORMATION_ELEMENT_CONTENTS InvalidInformationElementContents
                "Invalid information element contents" []
            101 MESSAGE_NOT_COMPATIBLE_WITH_CALL_STATE MessageNotCompatibleWithCallState
                "Message not compatible with call state" []
            102 RECOVERY_ON_TIMER_EXPIRY RecoveryOnTimerExpiry "Recovery on timer expiry" []
            103 PARAMETER_NON_EXISTENT_OR_NOT_IMPLEMENTED_PASSED_ON ParameterNonExistentOrNotImplementedPassedOn
                "Parameter non-existent or not implemented, passed on" ["Parameter non-existent or not implemented - passed on"]
            110 MESSAGE_WITH_UNRECOGNIZED_PARAMETER_DISCARDED MessageWithUnrecognizedParameterDiscarded
                "Message with unrecognized parameter, discarded" ["Message with unrecognized parameter discarded"]
            111 PROTOCOL_ERROR_UNSPECIFIED ProtocolErrorUnspecified "Protocol error, unspecified" []
            127 INTERWORKING_UNSPECIFIED InterworkingUnspecified
                "Interworking, unspecified" ["Internetworking, unspecified"]
        }
    };
}
