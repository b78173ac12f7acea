using System.Collections;
using System.Numerics;

namespace Datawijs.Domain.Clustering;

/// <summary>
/// The codes of a categorical column of a <see cref="MixedDataMatrix"/>, read as ints
/// (<see cref="MixedDataMatrix.MissingCode"/> = missing). Stored as one byte per household when the
/// feature has at most <see cref="MaxByteValues"/> values (the byte 255 is a missing value), otherwise as ints.
/// </summary>
public readonly struct CategoricalColumn : IEnumerable<int>
{
    /// <summary>The most values a feature may have for its codes to be kept as bytes.</summary>
    public const int MaxByteValues = 255;

    internal const byte MissingByte = byte.MaxValue;

    private readonly byte[]? bytes;
    private readonly int[]? ints;

    internal CategoricalColumn(byte[] bytes)
    {
        this.bytes = bytes;
        ints = null;
    }

    internal CategoricalColumn(int[] ints)
    {
        bytes = null;
        this.ints = ints;
    }

    public int Length => bytes?.Length ?? ints?.Length ?? 0;

    public int this[int row] => bytes is not null ? Widen(bytes[row]) : ints![row];

    /// <summary>Whether the codes are held as ints (the feature has more than <see cref="MaxByteValues"/> values).</summary>
    public bool IsWide => ints is not null;

    /// <summary>Rows [start, start + destination.Length) as codes.</summary>
    public void CopyTo(int start, Span<int> destination)
    {
        if (bytes is not null)
        {
            var source = bytes.AsSpan(start, destination.Length);
            var i = 0;
            var width = Vector<byte>.Count;
            var missingByte = new Vector<uint>(MissingByte);
            var missing = new Vector<int>(MixedDataMatrix.MissingCode);
            for (; i <= source.Length - width; i += width)
            {
                Vector.Widen(new Vector<byte>(source[i..]), out var low, out var high);
                Store(low, destination[i..]);
                Store(high, destination[(i + Vector<ushort>.Count)..]);
            }

            for (; i < source.Length; i++)
            {
                destination[i] = Widen(source[i]);
            }

            void Store(Vector<ushort> codes, Span<int> target)
            {
                Vector.Widen(codes, out var low, out var high);
                Vector.ConditionalSelect(Vector.Equals(low, missingByte).As<uint, int>(), missing, low.As<uint, int>()).CopyTo(target);
                Vector.ConditionalSelect(Vector.Equals(high, missingByte).As<uint, int>(), missing, high.As<uint, int>()).CopyTo(target[Vector<int>.Count..]);
            }
        }
        else
        {
            ints.AsSpan(start, destination.Length).CopyTo(destination);
        }
    }

    public int[] ToArray()
    {
        var copy = new int[Length];
        CopyTo(0, copy);
        return copy;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<int> IEnumerable<int>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The compact form: bytes when the feature has at most <see cref="MaxByteValues"/> values.</summary>
    internal static CategoricalColumn Compact(int[] codes, int length, int valueCount)
    {
        if (valueCount > MaxByteValues)
        {
            return new CategoricalColumn(codes.Length == length ? codes : codes[..length]);
        }

        var compact = new byte[length];
        for (var i = 0; i < length; i++)
        {
            compact[i] = codes[i] < 0 ? MissingByte : (byte)codes[i];
        }

        return new CategoricalColumn(compact);
    }

    private static int Widen(byte code) => code == MissingByte ? MixedDataMatrix.MissingCode : code;

    public struct Enumerator(CategoricalColumn column) : IEnumerator<int>
    {
        private int index = -1;

        public readonly int Current => column[index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++index < column.Length;

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
        }
    }
}
