using System.Text;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Tests.Sessions;

/// <summary>Bad input gets the right refusal, creates no session, and the recorder answers the next good INVITE.</summary>
public class SiprecRefusalTests
{
    private const string EntityBomb = """
        <?xml version="1.0"?>
        <!DOCTYPE recording [
          <!ENTITY a "aaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
        ]>
        <recording xmlns="urn:ietf:params:xml:ns:recording:1">
          <session session_id="s"><extensiondata xmlns:ct="urn:calltrail:siprec"><ct:callid>&f;</ct:callid></extensiondata></session>
        </recording>
        """;

    [Theory]
    [InlineData("bad-cseq", 400, "bad CSeq: method 'BYE' does not match 'INVITE'", null, null)]
    [InlineData("bad-sdp", 400, null, "SDP", null)]
    [InlineData("bad-boundary", 400, null, "body", null)]
    [InlineData("entity-bomb", 400, null, "recording metadata", null)]
    [InlineData("text-plain", 415, null, "Content-Type text/plain", "Accept")]
    [InlineData("no-g711", 488, null, "G.711", null)]
    [InlineData("require-foo", 420, null, null, "Unsupported")]
    [InlineData("no-call-id-in-metadata", 400, null, "callid", null)]
    [InlineData("offerless", 400, null, "no SDP offer", null)]
    public async Task Invite_BadInput_IsRefusedAndTheNextGoodInviteIsAnswered(string problem, int status, string? reason, string? warning, string? header)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);

        await client.SendAsync(BadInvite(client, problem));
        var refused = await client.FinalAsync(problem == "bad-cseq" ? "BYE" : "INVITE"); // the reply copies the CSeq as sent

        Assert.Equal(status, refused.StatusCode);
        if (reason is not null)
        {
            Assert.Equal(reason, refused.ReasonPhrase);
        }

        if (warning is not null)
        {
            Assert.StartsWith("399 calltrail \"", refused.Header("Warning"), StringComparison.Ordinal);
            Assert.Contains(warning, refused.Header("Warning"), StringComparison.Ordinal);
        }

        switch (header)
        {
            case "Accept":
                Assert.Contains("multipart/mixed", refused.Header("Accept"), StringComparison.Ordinal);
                break;
            case "Unsupported":
                Assert.Equal("foo", refused.Header("Unsupported"));
                break;
        }

        Assert.NotNull(refused.ToTag);
        Assert.Equal(0, recorder.Server.Sessions.Count);
        Assert.Empty(recorder.Catalog.Started);
        await AssertStillAnswersAsync(recorder, client);
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP")]
    public async Task Garbage_GetsNoReplyAndTheRecorderGoesOn(string transport)
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using (var noise = await SipTestClient.OpenAsync(transport, recorder.Port))
        {
            await noise.SendAsync([0x00, 0xFF, 0x13, 0x37, .. Encoding.ASCII.GetBytes("\r\nhello there\r\n\r\n")]);
            if (transport == "UDP")
            {
                Assert.True(await noise.NothingWithinAsync(TimeSpan.FromMilliseconds(300)));
            }
        }

        await using var client = await SipTestClient.OpenAsync(transport, recorder.Port);
        await AssertStillAnswersAsync(recorder, client);
    }

    [Fact]
    public async Task Invite_WithoutCallId_CannotBeAnsweredAndTheRecorderGoesOn()
    {
        // RFC 3261 §8.2.6.2: a response copies the request's Call-ID; without one there is nothing to answer with.
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);
        var invite = Siprec.Invite(client, "no-call-id@src", client.NewBranch(), "whatever");

        await client.SendAsync(invite.Replace("Call-ID: no-call-id@src\r\n", "", StringComparison.Ordinal));

        Assert.True(await client.NothingWithinAsync(TimeSpan.FromMilliseconds(300)));
        await AssertStillAnswersAsync(recorder, client);
    }

    [Fact]
    public async Task Bye_ForNoKnownDialog_Gets481()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);

        await client.SendAsync(client.Request("BYE", "nobody@src", 2, client.NewBranch(), toTag: "not-ours"));

        Assert.Equal(481, (await client.FinalAsync("BYE")).StatusCode);
        await AssertStillAnswersAsync(recorder, client);
    }

    [Fact]
    public async Task ReInvite_ForNoKnownDialog_Gets481()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        await using var client = SipTestClient.Udp(recorder.Port);

        await client.SendAsync(client.Request(
            "INVITE", "nobody@src", 2, client.NewBranch(), toTag: "not-ours", contentType: Siprec.Multipart,
            body: Siprec.Body(Siprec.Sdp("inactive"), Siprec.Metadata(null))));

        Assert.Equal(481, (await client.FinalAsync()).StatusCode);
    }

    [Fact]
    public async Task Invite_SecondSessionForACallAlreadyBeingRecorded_Gets486()
    {
        await using var recorder = await SiprecHarness.StartAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        await using var client = SipTestClient.Udp(recorder.Port);
        await client.SendAsync(Siprec.Invite(client, "first@src", client.NewBranch(), callId));
        Assert.Equal(200, (await client.FinalAsync()).StatusCode);

        await client.SendAsync(Siprec.Invite(client, "second@src", client.NewBranch(), callId));
        var busy = await client.FinalAsync();

        Assert.Equal(486, busy.StatusCode);
        Assert.Contains(callId, busy.Header("Warning"), StringComparison.Ordinal);
        Assert.Equal(1, recorder.Server.Sessions.Count);
        Assert.Single(recorder.Catalog.Started);
    }

    /// <summary>A good INVITE for a call the service knows is answered 200 on the same client.</summary>
    private static async Task AssertStillAnswersAsync(SiprecHarness recorder, SipTestClient client)
    {
        var callId = "good-" + Guid.NewGuid().ToString("N");
        recorder.Directory.Recording(callId);
        client.Drain();
        await client.SendAsync(Siprec.Invite(client, callId + "@src", client.NewBranch(), callId));
        var ok = await client.FinalAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(callId + "@src", ok.CallId);
    }

    private static string BadInvite(SipTestClient c, string problem)
    {
        var id = problem + "-" + Guid.NewGuid().ToString("N");
        var sipCallId = id + "@src";
        var body = Siprec.Body(Siprec.Sdp(), Siprec.Metadata(id));
        return problem switch
        {
            "bad-cseq" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: Siprec.Multipart, body: body, cseqMethod: "BYE"),
            "bad-sdp" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: Siprec.Multipart,
                body: Siprec.Body("v=0\r\nthis is not a description\r\n", Siprec.Metadata(id))),
            "bad-boundary" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: "multipart/mixed;boundary=not-the-one", body: body),
            "entity-bomb" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: Siprec.Multipart,
                body: Siprec.Body(Siprec.Sdp(), EntityBomb.ReplaceLineEndings("\r\n"))),
            "text-plain" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: "text/plain", body: "record this please"),
            "no-g711" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: Siprec.Multipart,
                body: Siprec.Body(Siprec.Sdp(formats: "18", secondFormats: "18"), Siprec.Metadata(id))),
            "require-foo" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), headers: ["Require: foo"], contentType: Siprec.Multipart, body: body),
            "no-call-id-in-metadata" => c.Request("INVITE", sipCallId, 1, c.NewBranch(), contentType: Siprec.Multipart,
                body: Siprec.Body(Siprec.Sdp(), Siprec.Metadata(null))),
            "offerless" => c.Request("INVITE", sipCallId, 1, c.NewBranch()),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }
}
