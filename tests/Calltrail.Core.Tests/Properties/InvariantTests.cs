using System.Collections.Concurrent;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Phones;
using Calltrail.Settings;
using Calltrail.Timeline;
using CsCheck;
using Xunit.Abstractions;

namespace Calltrail.Tests.Properties;

/// <summary>
/// Invariants of spec/behavior.md that hold for every valid scenario, checked on generated ones
/// (<see cref="ScenarioGen"/>). A failure prints the shrunk scenario in the contract's JSON shape.
/// </summary>
public class InvariantTests(ITestOutputHelper output)
{
    private const int Iter = 5_000;

    private static void ForAll(Action<Scenario, Verdict> property) =>
        ScenarioGen.Scenarios.Sample(
            scenario =>
            {
                var verdict = Decider.Decide(scenario);
                try
                {
                    property(scenario, verdict);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new InvalidOperationException($"{e.Message}\n  verdict: {SpecModel.Show(verdict)}", e);
                }
            },
            iter: Iter,
            print: ScenarioGen.Describe);

    // Catches: the internal rule not winning first (e.g. a tenant's continuity checked before it), or an internal verdict with audio.
    [Fact]
    public void Decide_InternalCall_IsNeverLoggedNorRecordedAnywhere() => ForAll((scenario, verdict) =>
    {
        if (!scenario.Call.Internal)
        {
            return;
        }

        Assert.Equal(CallPath.Internal, verdict.Path);
        Assert.Equal(new BothSystems(false, false), verdict.Logged);
        Assert.Equal(new BothSystems(false, false), verdict.Recorded);
        Assert.False(verdict.SyncedToFieldService);
        Assert.Empty(verdict.Spans);
    });

    // Catches: exclusion ignored, exclusion checked against the wrong party (callee on inbound, caller on outbound),
    // exclusion applied before the queue/user setting but the setting then re-enabling, a transfer to an agent or
    // queue (or any outbound transfer) starting a recording for an excluded party.
    [Fact]
    public void Decide_ContactCenterCallWithExcludedExternalParty_IsNotRecordedUnlessForced() => ForAll((scenario, verdict) =>
    {
        if (SpecModel.ExpectedPath(scenario) != CallPath.ContactCenter
            || !SpecModel.ExternalPartyExcluded(scenario)
            || SpecModel.RecordingForced(scenario.Call))
        {
            return;
        }

        Assert.Empty(verdict.Spans);
        Assert.Equal(new BothSystems(false, false), verdict.Recorded);
    });

    // Catches: the exclusion list leaking into the field-service paths, which record by the tenant's own setting.
    [Fact]
    public void Decide_FieldServicePathAutomaticallyWithExcludedParty_RecordsFromTheStart() => ForAll((scenario, verdict) =>
    {
        var path = SpecModel.ExpectedPath(scenario);
        var tenant = SpecModel.TenantSettings(scenario);
        if (!SpecModel.IsFieldServicePath(path) || tenant is null || !SpecModel.ExternalPartyExcluded(scenario)
            || scenario.Call.DurationMs == 0 || scenario.Call.Events.Count > 0)
        {
            return;
        }

        var mode = scenario.Call.Direction == Direction.Inbound ? tenant.Inbound : tenant.Outbound;
        if (mode == RecordingMode.Automatically)
        {
            Assert.Equal(new[] { new Span(0, scenario.Call.DurationMs) }, verdict.Spans.ToArray());
        }
    });

    // Catches: overlapping or out-of-order spans (e.g. a forced external-forward span not merged in), empty spans left in,
    // spans running past the call (e.g. a forced external-forward span to long.MaxValue) or before connect.
    [Fact]
    public void Decide_AnyScenario_SpansAreSortedDisjointNonEmptyAndInsideTheCall() => ForAll((scenario, verdict) =>
    {
        var spans = verdict.Spans;
        for (var i = 0; i < spans.Length; i++)
        {
            Assert.True(spans[i].StartMs < spans[i].EndMs, $"span {i} is empty");
            Assert.True(spans[i].StartMs >= 0, $"span {i} starts before connect");
            Assert.True(spans[i].EndMs <= scenario.Call.DurationMs, $"span {i} ends after the call");
            if (i > 0)
            {
                Assert.True(spans[i - 1].StartMs < spans[i].StartMs, $"span {i} does not start after span {i - 1}");
                Assert.True(spans[i - 1].EndMs <= spans[i].StartMs, $"span {i} overlaps span {i - 1}");
            }
        }
    });

    // Catches: payment windows paired wrongly (unsorted events, a second open restarting a window, a close with
    // nothing open, an unclosed screen not running to the end), or the pause applied before a transfer re-adds audio.
    [Fact]
    public void Decide_AutoPause_NoSpanOverlapsAPaymentWindow() => ForAll((scenario, verdict) =>
    {
        if (!verdict.AutoPause)
        {
            return;
        }

        var call = scenario.Call;
        var windows = SpecModel.Windows(call.Events, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed, call.DurationMs);
        foreach (var span in verdict.Spans)
        {
            Assert.DoesNotContain(windows, w => SpecModel.Overlap(span, w));
        }
    });

    // Catches: a person's pause honoured only on some paths or only with a tenant, or paired wrongly as above.
    [Fact]
    public void Decide_AnyScenario_NoSpanOverlapsAManualPauseWindow() => ForAll((scenario, verdict) =>
    {
        var call = scenario.Call;
        var windows = SpecModel.Windows(call.Events, CallEventType.PauseRequested, CallEventType.ResumeRequested, call.DurationMs);
        foreach (var span in verdict.Spans)
        {
            Assert.DoesNotContain(windows, w => SpecModel.Overlap(span, w));
        }
    });

    // Catches: syncing when only one direction is automatic, syncing a call with no tenant, or reading the
    // wrong tenant / treating an unconfigured tenant as not automatic.
    [Fact]
    public void Decide_SyncedToFieldService_OnlyForATenantAutomaticBothWays() => ForAll((scenario, verdict) =>
    {
        if (!verdict.SyncedToFieldService)
        {
            return;
        }

        var tenant = SpecModel.TenantSettings(scenario);
        Assert.NotNull(tenant);
        Assert.Equal(RecordingMode.Automatically, tenant.Inbound);
        Assert.Equal(RecordingMode.Automatically, tenant.Outbound);
    });

    // Catches the converse fault: a recorded contact-center call of a tenant automatic both ways (or of a tenant
    // missing from the settings, which has the defaults) whose recording is not copied to the FS call record.
    [Fact]
    public void Decide_RecordedContactCenterCallOfAnAutomaticTenant_IsSynced() => ForAll((scenario, verdict) =>
    {
        if (SpecModel.ExpectedPath(scenario) != CallPath.ContactCenter)
        {
            return;
        }

        var tenant = SpecModel.TenantSettings(scenario);
        var accepts = tenant is { Inbound: RecordingMode.Automatically, Outbound: RecordingMode.Automatically };
        Assert.Equal(accepts && !verdict.Spans.IsEmpty, verdict.SyncedToFieldService);
    });

    // Catches: transfers.record false not stopping the recording at the transfer to another agent or queue.
    // Only agent-handled calls: the rule book scopes transfers to calls answered in the contact center, and
    // leaves open what a transfer does to a call it forces into recording (virtual agent, external forward).
    [Fact]
    public void Decide_TransferToAgentOrQueueWithTransfersRecordOff_KeepsNoAudioAfterTheTransfer() => ForAll((scenario, verdict) =>
    {
        var call = scenario.Call;
        if (SpecModel.ExpectedPath(scenario) != CallPath.ContactCenter
            || call.Direction != Direction.Inbound
            || call.Handler is not (null or Handler.Agent)
            || call.Transfer is not { To: TransferTarget.Agent or TransferTarget.Queue } transfer
            || scenario.Settings.ContactCenter.RecordAfterTransfer)
        {
            return;
        }

        Assert.All(verdict.Spans, span => Assert.True(span.EndMs <= transfer.AtMs, $"audio {SpecModel.Show([span])} after the transfer at {transfer.AtMs}"));
    });

    // Catches: a verdict path that forgets to add its rule, or an id the rule book does not define.
    [Fact]
    public void Decide_AnyScenario_CarriesAtLeastOneReasonAndOnlyRuleBookIds()
    {
        var spec = SpecModel.ReasonIdsInSpec;
        Assert.NotEmpty(spec);
        ForAll((_, verdict) =>
        {
            Assert.NotEmpty(verdict.Reasons);
            foreach (var reason in verdict.Reasons)
            {
                Assert.Contains(reason.Id(), spec);
            }
        });
    }

    // Catches: a Reason member added, dropped or misspelled on either side of the contract.
    [Fact]
    public void ReasonIds_All_AreExactlyTheRuleBookList()
    {
        var spec = SpecModel.ReasonIdsInSpec;
        Assert.NotEmpty(spec);
        var engine = ReasonIds.All.Select(r => r.Id()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(ReasonIds.All.Count, engine.Count);
        Assert.Equal(spec.Order(StringComparer.Ordinal), engine.Order(StringComparer.Ordinal));
    }

    // Catches: hidden state, a clock or randomness in the engine, or a decision that depends on dictionary
    // order or object identity (the copy has fresh collections in reverse order and fresh strings).
    [Fact]
    public void Decide_SameScenarioTwice_GivesEqualVerdicts() => ForAll((scenario, verdict) =>
    {
        Assert.Equal(verdict, Decider.Decide(scenario));
        var copy = Rebuilt(scenario);
        var again = Decider.Decide(copy);
        Assert.True(verdict.Equals(again), $"rebuilt copy decided differently: {SpecModel.Show(again)}");
    });

    // Catches: a path rule out of order (e.g. non-seat before continuity), tenant-without-contact-center applied
    // to direct-line or outbound calls, a missing tenant not given the defaults.
    [Fact]
    public void Decide_AnyScenario_TakesTheFirstMatchingPath() => ForAll((scenario, verdict) =>
        Assert.Equal(SpecModel.ExpectedPath(scenario), verdict.Path));

    // Catches: recorded computed before pauses/transfers (true with no audio left), or false with audio kept.
    [Fact]
    public void Decide_AnyScenario_RecordedExactlyWhenSpansOnTheRecordingSystem() => ForAll((scenario, verdict) =>
    {
        var hasAudio = !verdict.Spans.IsEmpty;
        switch (verdict.Path)
        {
            case CallPath.Internal:
                Assert.False(hasAudio);
                Assert.Equal(new BothSystems(false, false), verdict.Recorded);
                break;
            case CallPath.ContactCenter:
                Assert.Equal(hasAudio, verdict.Recorded.ContactCenter);
                Assert.Equal(verdict.SyncedToFieldService, verdict.Recorded.FieldService); // FS audio on this path is the synced copy
                break;
            default:
                Assert.Equal(hasAudio, verdict.Recorded.FieldService);
                break;
        }
    });

    // Catches: a field-service verdict that also logs/records in the contact center or syncs.
    [Fact]
    public void Decide_FieldServicePath_NeverTouchesTheContactCenterNorSyncs() => ForAll((scenario, verdict) =>
    {
        if (!SpecModel.IsFieldServicePath(SpecModel.ExpectedPath(scenario)))
        {
            return;
        }

        Assert.False(verdict.Logged.ContactCenter);
        Assert.False(verdict.Recorded.ContactCenter);
        Assert.False(verdict.SyncedToFieldService);
        Assert.True(verdict.Logged.FieldService);
    });

    // Catches: FS logging tied to the wrong thing (recording, sync, via) instead of the tenant; CC not logging every CC call.
    [Fact]
    public void Decide_NonInternalCall_LoggedInFieldServiceExactlyWhenItHasATenant() => ForAll((scenario, verdict) =>
    {
        if (scenario.Call.Internal)
        {
            return;
        }

        Assert.Equal(scenario.Call.Tenant is not null, verdict.Logged.FieldService);
        if (SpecModel.ExpectedPath(scenario) == CallPath.ContactCenter)
        {
            Assert.True(verdict.Logged.ContactCenter);
        }
    });

    // Catches: announcing with the setting off, on an unrecorded call, on a field-service path, or with no
    // person of the business on the call (virtual agent, external forward).
    [Fact]
    public void Decide_Announce_OnlyForARecordedContactCenterCallWithAPersonOnIt() => ForAll((scenario, verdict) =>
    {
        if (!verdict.Announce)
        {
            return;
        }

        var call = scenario.Call;
        Assert.True(scenario.Settings.ContactCenter.AnnounceRecording);
        Assert.Equal(CallPath.ContactCenter, verdict.Path);
        Assert.True(verdict.Recorded.ContactCenter);
        Assert.True(call.Direction == Direction.Outbound || call.Handler is null or Handler.Agent);
    });

    // Catches: a no-tenant call (strict mode off) whose recording still loses payment-screen audio: the article's
    // caution says nothing pauses it, so only the person's own pause may remove audio.
    [Fact]
    public void Decide_NoTenantWithoutStrictMode_PaymentScreenDoesNotPause() => ForAll((scenario, verdict) =>
    {
        var call = scenario.Call;
        if (verdict.Path != CallPath.ContactCenter || call.Tenant is not null || scenario.Settings.ContactCenter.StrictPaymentPause)
        {
            return;
        }

        Assert.False(verdict.AutoPause);
        var withoutPaymentEvents = scenario with
        {
            Call = call with { Events = [.. call.Events.Where(e => e.Type is not (CallEventType.PaymentScreenOpened or CallEventType.PaymentScreenClosed))] },
        };
        Assert.Equal(Decider.Decide(withoutPaymentEvents).Spans.ToArray(), verdict.Spans.ToArray());
    });

    /// <summary>
    /// The generator reaches every path and every case the properties above condition on, often: a
    /// property whose precondition never holds would pass without testing anything.
    /// </summary>
    [Fact]
    public void ScenarioGen_Scenarios_AreValidAndReachEveryCaseOften()
    {
        const int n = 4_000;
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var invalid = 0;
        ScenarioGen.Unfiltered.Sample(s => { if (ScenarioValidation.Validate(s).Count > 0) Interlocked.Increment(ref invalid); }, iter: n);
        ScenarioGen.Scenarios.Sample(
            s =>
            {
                Assert.Empty(ScenarioValidation.Validate(s));
                var v = Decider.Decide(s);
                foreach (var label in Labels(s, v))
                {
                    counts.AddOrUpdate(label, 1, (_, c) => c + 1);
                }
            },
            iter: n,
            print: ScenarioGen.Describe);

        Assert.True(invalid < n / 5, $"{invalid} of {n} unfiltered scenarios are invalid");
        string[] expected =
        [
            "path:internal", "path:continuity", "path:tenant-without-contact-center", "path:non-seat-user", "path:contact-center",
            "cc-excluded-unforced", "cc-excluded-forced", "fs-excluded", "auto-pause-with-payment-window", "manual-window-over-audio",
            "synced", "not-synced-tenant-recorded", "announce", "transfer-to-agent", "transfer-to-queue", "transfer-to-external-number",
            "zero-duration", "no-tenant-unprotected-payment", "continuity-voice-agent", "continuity-external-number",
        ];
        var report = string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
        output.WriteLine($"{invalid} of {n} unfiltered scenarios invalid; of {n} valid ones: {report}");
        foreach (var label in expected)
        {
            var least = label.StartsWith("path:", StringComparison.Ordinal) ? n / 25 : n / 200; // about half of the rarest rate seen (no-tenant-unprotected-payment, ~1.3%), so no flakes
            Assert.True(counts.GetValueOrDefault(label) >= least, $"'{label}' reached {counts.GetValueOrDefault(label)} times of {n}: {report}");
        }

        static IEnumerable<string> Labels(Scenario s, Verdict v)
        {
            var call = s.Call;
            var path = SpecModel.ExpectedPath(s);
            yield return "path:" + path.Id();
            if (path == CallPath.ContactCenter && SpecModel.ExternalPartyExcluded(s))
            {
                yield return SpecModel.RecordingForced(call) ? "cc-excluded-forced" : "cc-excluded-unforced";
            }

            if (SpecModel.IsFieldServicePath(path) && SpecModel.ExternalPartyExcluded(s))
            {
                yield return "fs-excluded";
            }

            if (path == CallPath.Continuity)
            {
                yield return "continuity-" + ScenarioGen.Kebab(SpecModel.TenantSettings(s)!.Continuity.Destination);
            }

            var payment = SpecModel.Windows(call.Events, CallEventType.PaymentScreenOpened, CallEventType.PaymentScreenClosed, call.DurationMs);
            var manual = SpecModel.Windows(call.Events, CallEventType.PauseRequested, CallEventType.ResumeRequested, call.DurationMs);
            var wholeCall = new Span(0, call.DurationMs);
            if (v.AutoPause && payment.Any(w => SpecModel.Overlap(wholeCall, w)))
            {
                yield return "auto-pause-with-payment-window";
            }

            if (v.Paused.Any(p => p.Cause == PauseCause.Person))
            {
                yield return "manual-window-over-audio";
            }

            if (v.SyncedToFieldService)
            {
                yield return "synced";
            }

            if (path == CallPath.ContactCenter && call.Tenant is not null && v.Recorded.ContactCenter && !v.SyncedToFieldService)
            {
                yield return "not-synced-tenant-recorded";
            }

            if (v.Announce)
            {
                yield return "announce";
            }

            if (call.Transfer is { } t)
            {
                yield return "transfer-to-" + ScenarioGen.Kebab(t.To);
            }

            if (call.DurationMs == 0)
            {
                yield return "zero-duration";
            }

            if (path == CallPath.ContactCenter && call.Tenant is null && !s.Settings.ContactCenter.StrictPaymentPause
                && v.Spans.Any(sp => payment.Any(w => SpecModel.Overlap(sp, w))))
            {
                yield return "no-tenant-unprotected-payment";
            }
        }
    }

    /// <summary>An equal scenario made of fresh objects: reversed dictionaries, new strings, new event list.</summary>
    private static Scenario Rebuilt(Scenario s)
    {
        var cc = s.Settings.ContactCenter;
        return new Scenario
        {
            Settings = s.Settings with
            {
                ContactCenter = cc with
                {
                    Defaults = cc.Defaults with { },
                    Queues = Reversed(cc.Queues),
                    Users = Reversed(cc.Users),
                    ExclusionList = new ExclusionList(cc.ExclusionList.Numbers.Reverse().Select(n => PhoneNumber.FromE164(Fresh(n.E164)))),
                },
                FieldService = Reversed(s.Settings.FieldService.ToDictionary(
                    kv => kv.Key, kv => kv.Value with { Continuity = kv.Value.Continuity with { } }, StringComparer.Ordinal)),
            },
            Employees = Reversed(s.Employees),
            Call = s.Call with
            {
                Tenant = FreshOrNull(s.Call.Tenant),
                Queue = FreshOrNull(s.Call.Queue),
                User = FreshOrNull(s.Call.User),
                Events = [.. s.Call.Events],
            },
        };

        static IReadOnlyDictionary<string, T> Reversed<T>(IReadOnlyDictionary<string, T> map) =>
            map.Reverse().ToDictionary(kv => Fresh(kv.Key), kv => kv.Value, StringComparer.Ordinal);

        static string Fresh(string text) => new(text.AsSpan());

        static string? FreshOrNull(string? text) => text is null ? null : Fresh(text);
    }
}
