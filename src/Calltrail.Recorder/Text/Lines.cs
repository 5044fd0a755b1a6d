namespace Calltrail.Recorder.Text;

/// <summary>Line splitting over raw bytes that accepts CRLF and, because real peers send it, bare LF.</summary>
internal static class Lines
{
    /// <summary>
    /// The end of the line that starts at <paramref name="start"/>, without its CR LF or LF; <paramref name="next"/>
    /// is where the following line starts, or the data's length when this line runs to the end.
    /// </summary>
    public static int ContentEnd(ReadOnlySpan<byte> data, int start, out int next)
    {
        int lf = data[start..].IndexOf((byte)'\n');
        int end = lf < 0 ? data.Length : start + lf;
        next = lf < 0 ? data.Length : end + 1;
        return end > start && data[end - 1] == (byte)'\r' ? end - 1 : end;
    }

    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b != (byte)' ' && b != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }
}
