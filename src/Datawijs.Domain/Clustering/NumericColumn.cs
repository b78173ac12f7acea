using System.Collections;
using System.Numerics;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// A numeric column of a <see cref="MixedDataMatrix"/>, read as doubles (NaN = missing). Stored as
/// 32-bit floats when every value of the column converts to float and back unchanged (whole numbers up
/// to 16,777,216 such as ages, counts and whole euros, and numbers like 0.5 or 0.25), otherwise as
/// doubles: so the values read back are always exactly the values stored, and a clustering gives the
/// same result either way. Half the memory for the usual columns.
/// </summary>
public readonly struct NumericColumn : IEnumerable<double>
{
    private readonly float[]? singles;
    private readonly double[]? doubles;

    internal NumericColumn(float[] singles)
    {
        this.singles = singles;
        doubles = null;
    }

    internal NumericColumn(double[] doubles)
    {
        singles = null;
        this.doubles = doubles;
    }

    public int Length => singles?.Length ?? doubles?.Length ?? 0;

    /// <summary>Whether the column is held as 32-bit floats (every value exact in that form).</summary>
    public bool IsSinglePrecision => singles is not null;

    public double this[int row] => singles is not null ? singles[row] : doubles![row];

    /// <summary>The stored floats, when <see cref="IsSinglePrecision"/> (read only).</summary>
    internal float[]? SingleValues => singles;

    /// <summary>The stored doubles, when not <see cref="IsSinglePrecision"/> (read only).</summary>
    internal double[]? DoubleValues => doubles;

    /// <summary>Rows [start, start + destination.Length) as doubles.</summary>
    public void CopyTo(int start, Span<double> destination)
    {
        if (singles is not null)
        {
            var source = singles.AsSpan(start, destination.Length);
            var i = 0;
            var width = Vector<float>.Count;
            for (; i <= source.Length - width; i += width)
            {
                Vector.Widen(new Vector<float>(source[i..]), out var low, out var high); // exact, NaN stays NaN
                low.CopyTo(destination[i..]);
                high.CopyTo(destination[(i + Vector<double>.Count)..]);
            }

            for (; i < source.Length; i++)
            {
                destination[i] = source[i];
            }
        }
        else
        {
            doubles.AsSpan(start, destination.Length).CopyTo(destination);
        }
    }

    public double[] ToArray()
    {
        var copy = new double[Length];
        CopyTo(0, copy);
        return copy;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<double> IEnumerable<double>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether a value survives the trip through a 32-bit float unchanged (NaN does).</summary>
    public static bool FitsSingle(double x) => double.IsNaN(x) || (double)(float)x == x;

    /// <summary>The compact form of a column: floats when every value fits exactly, otherwise the doubles as given.</summary>
    internal static NumericColumn Compact(double[] values, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!FitsSingle(values[i]))
            {
                return new NumericColumn(values.Length == length ? values : values[..length]);
            }
        }

        var singles = new float[length];
        for (var i = 0; i < length; i++)
        {
            singles[i] = (float)values[i];
        }

        return new NumericColumn(singles);
    }

    public struct Enumerator(NumericColumn column) : IEnumerator<double>
    {
        private int index = -1;

        public readonly double Current => column[index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++index < column.Length;

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
        }
    }
}
