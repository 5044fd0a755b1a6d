namespace Calltrail.Recorder.Sdp;

/// <summary>The answer's text and, per offered m= section in order, how it was answered.</summary>
public sealed record SdpAnswerResult(string Text, IReadOnlyList<AnsweredMedia> Media);
