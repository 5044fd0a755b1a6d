using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Live;

/// <summary>How to read one forked stream: its channel in the recording and which payload types carry G.711.</summary>
public sealed class StreamCodec(int channel, IReadOnlyDictionary<int, G711Law> audio, int? telephoneEvent)
{
    public int Channel { get; } = channel;

    /// <summary>The G.711 law of a payload type, or null for one that carries no recordable audio (DTMF, comfort noise, unknown).</summary>
    public G711Law? LawOf(int payloadType) => audio.TryGetValue(payloadType, out var law) ? law : null;

    public bool IsTelephoneEvent(int payloadType) => payloadType == telephoneEvent;
}
