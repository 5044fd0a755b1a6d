namespace Calltrail.Calls;

/// <summary>Why a scenario cannot be judged: the field, in the contract's own path form (<c>call.events[2].atMs</c>), and the problem.</summary>
public readonly record struct ScenarioProblem(string Field, string Message)
{
    public ScenarioProblem AtIndex(int index) => this with { Field = $"[{index}].{Field}" };

    public override string ToString() => $"{Field}: {Message}";
}
