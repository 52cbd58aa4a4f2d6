using System;

namespace SecretsAnalyzer.Detection
{
    /// <summary>Shannon entropy over a slice of a string, in bits per character.</summary>
    public static class Entropy
    {
        public static double Shannon(string text, int start, int length)
        {
            if (length <= 0)
            {
                return 0;
            }

            // Values we measure are ASCII; anything else shares one bucket, which only lowers the figure.
            Span<int> counts = stackalloc int[129];
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                counts[c < 128 ? c : 128]++;
            }

            double entropy = 0;
            double n = length;
            for (int i = 0; i < counts.Length; i++)
            {
                int count = counts[i];
                if (count == 0)
                {
                    continue;
                }

                double p = count / n;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        public static double Shannon(string text) => Shannon(text, 0, text.Length);
    }
}
