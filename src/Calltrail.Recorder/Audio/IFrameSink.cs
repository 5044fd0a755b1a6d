namespace Calltrail.Recorder.Audio;

/// <summary>Where <see cref="FrameWindow.Flush"/> hands the audio it releases, e.g. a recording file.</summary>
public interface IFrameSink
{
    /// <summary>
    /// Interleaved 16-bit frames starting at <paramref name="startFrame"/>. The span is only valid during
    /// the call: the window reuses (and zeroes) its memory right after.
    /// </summary>
    void WriteAudio(long startFrame, ReadOnlySpan<short> interleaved);
}
