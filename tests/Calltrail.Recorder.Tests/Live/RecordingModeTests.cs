using Calltrail.Live;
using Calltrail.Recorder.Live;

namespace Calltrail.Recorder.Tests.Live;

public class RecordingModeTests
{
    private const string Payment = "payment-screen";
    private const string Client = RecordingMode.ClientPause;

    [Theory]
    // The call is unknown: held (written provisionally) only while the hold lasts.
    [InlineData(null, false, false, Mode.Silent, null)]
    [InlineData(null, false, true, Mode.Silent, null)]
    [InlineData(null, true, false, Mode.Writing, null)]
    [InlineData(null, true, true, Mode.Paused, Client)]
    // Not recorded (yet): nothing kept, whatever the client does.
    [InlineData(RecorderState.Idle, false, false, Mode.Silent, null)]
    [InlineData(RecorderState.Idle, false, true, Mode.Silent, null)]
    [InlineData(RecorderState.Idle, true, false, Mode.Silent, null)]
    [InlineData(RecorderState.Idle, true, true, Mode.Silent, null)]
    // Recording: written unless the client paused its streams.
    [InlineData(RecorderState.Recording, false, false, Mode.Writing, null)]
    [InlineData(RecorderState.Recording, false, true, Mode.Paused, Client)]
    [InlineData(RecorderState.Recording, true, false, Mode.Writing, null)]
    [InlineData(RecorderState.Recording, true, true, Mode.Paused, Client)]
    // Paused by the service: its cause wins over the client's.
    [InlineData(RecorderState.Paused, false, false, Mode.Paused, Payment)]
    [InlineData(RecorderState.Paused, false, true, Mode.Paused, Payment)]
    [InlineData(RecorderState.Paused, true, false, Mode.Paused, Payment)]
    [InlineData(RecorderState.Paused, true, true, Mode.Paused, Payment)]
    // Stopped (a transfer ended the recording): nothing kept.
    [InlineData(RecorderState.Stopped, false, false, Mode.Silent, null)]
    [InlineData(RecorderState.Stopped, false, true, Mode.Silent, null)]
    [InlineData(RecorderState.Stopped, true, false, Mode.Silent, null)]
    [InlineData(RecorderState.Stopped, true, true, Mode.Silent, null)]
    public void Of_ServiceStateProvisionalAndClientPause_GivesModeAndCause(
        RecorderState? service, bool provisional, bool clientPaused, Mode mode, string? cause)
    {
        var serviceCause = service == RecorderState.Paused ? Payment : null;

        Assert.Equal((mode, cause), RecordingMode.Of(service, serviceCause, provisional, clientPaused));
    }

    [Theory]
    [InlineData(RecorderState.Idle)]
    [InlineData(RecorderState.Recording)]
    [InlineData(RecorderState.Stopped)]
    public void Of_CauseGivenOutsideAPause_IsIgnored(RecorderState service)
    {
        var (_, cause) = RecordingMode.Of(service, Payment, provisional: false, clientPaused: false);

        Assert.Null(cause);
    }

    [Theory]
    [InlineData(Mode.Silent, Mode.Silent, null)]
    [InlineData(Mode.Writing, Mode.Writing, null)]
    [InlineData(Mode.Paused, Mode.Paused, null)]
    [InlineData(Mode.Silent, Mode.Writing, MarkKind.Start)]
    [InlineData(Mode.Silent, Mode.Paused, MarkKind.Pause)]
    [InlineData(Mode.Writing, Mode.Paused, MarkKind.Pause)]
    [InlineData(Mode.Writing, Mode.Silent, MarkKind.Stop)]
    [InlineData(Mode.Paused, Mode.Writing, MarkKind.Resume)]
    [InlineData(Mode.Paused, Mode.Silent, MarkKind.Stop)]
    public void Mark_EveryTransition_GivesItsMark(Mode from, Mode to, MarkKind? mark)
    {
        Assert.Equal(mark, RecordingMode.Mark(from, to));
    }
}
