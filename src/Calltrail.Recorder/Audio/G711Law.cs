namespace Calltrail.Recorder.Audio;

/// <summary>The two companding laws of ITU-T G.711: PCMU (µ-law, RTP payload type 0) and PCMA (A-law, 8).</summary>
public enum G711Law
{
    MuLaw,
    ALaw,
}
