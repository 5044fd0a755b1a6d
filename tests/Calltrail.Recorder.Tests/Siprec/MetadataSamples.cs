namespace Calltrail.Recorder.Tests.Siprec;

/// <summary>Metadata shaped like what SRCs send, in both formats; ids are made up.</summary>
internal static class MetadataSamples
{
    public const string Rfc7865 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <recording xmlns="urn:ietf:params:xml:ns:recording:1">
          <datamode>complete</datamode>
          <group group_id="grp-1"><associate-time>2024-05-01T10:00:00Z</associate-time></group>
          <session session_id="sess-1">
            <group-ref>grp-1</group-ref>
            <sipSessionID>ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2</sipSessionID>
            <start-time>2024-05-01T10:00:00Z</start-time>
            <extensiondata xmlns:v="http://vendor.example/siprec">
              <v:ucid>00001234</v:ucid>
              <v:direction>inbound</v:direction>
            </extensiondata>
          </session>
          <participant participant_id="p-alice">
            <nameID aor="sip:alice@example.com"><name xml:lang="en">Alice</name></nameID>
          </participant>
          <participant participant_id="p-bob">
            <nameID aor="sip:bob@example.net"><name>Bob</name></nameID>
          </participant>
          <stream stream_id="st-1" session_id="sess-1"><label>1</label></stream>
          <stream stream_id="st-2" session_id="sess-1"><label>2</label></stream>
          <sessionrecordingassoc session_id="sess-1"><associate-time>2024-05-01T10:00:00Z</associate-time></sessionrecordingassoc>
          <participantsessionassoc participant_id="p-alice" session_id="sess-1"/>
          <participantstreamassoc participant_id="p-alice"><send>st-1</send><recv>st-2</recv></participantstreamassoc>
          <participantstreamassoc participant_id="p-bob"><send>st-2</send><recv>st-1</recv></participantstreamassoc>
        </recording>
        """;

    public const string Legacy = """
        <?xml version='1.0' encoding='UTF-8'?>
        <recording xmlns='urn:ietf:params:xml:ns:recording'>
          <dataMode>complete</dataMode>
          <session id="c2Vzcw==">
            <start-time>2024-05-01T10:00:00</start-time>
          </session>
          <participant id="cGFydGEx" session="c2Vzcw==">
            <aor>sip:caller@198.51.100.7</aor>
            <name>Caller</name>
            <send>c3RyMQ==</send>
            <recv>c3RyMg==</recv>
          </participant>
          <participant id="cGFydGIy" session="c2Vzcw==">
            <nameID aor="sip:agent@pbx.example.com"><name>Agent</name></nameID>
            <send>c3RyMg==</send>
          </participant>
          <stream id="c3RyMQ==" session="c2Vzcw=="><label>10</label><mode>separate</mode></stream>
          <stream id="c3RyMg==" session="c2Vzcw=="><label>11</label></stream>
          <extensiondata xmlns:apkt="http://acmepacket.com/siprec/extensiondata">
            <apkt:ucid>00FA08001</apkt:ucid>
            <apkt:callid>8fe2f0a7-1b2c@10.1.1.1</apkt:callid>
          </extensiondata>
        </recording>
        """;
}
