using System.Text.RegularExpressions;
using Datawijs.Api.Audit;
using Datawijs.Api.Demo;
using Datawijs.Api.Features.Citizen;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Features.Public.Algorithm;
using Datawijs.Domain;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Api.Tests.Readability;

/// <summary>
/// Every text a citizen (or any resident) reads, made for the demo data: the explanation of advice for many demo
/// households, the sentence of every value of every demo feature, every objection state, the data-processing texts,
/// the public register entry and the inequality check's public text. Dutch must score at least 60 on Flesch-Douma and
/// English at least 60 on Flesch reading ease, with no sentence longer than 20 words. A text of fewer than 20 words is
/// scored together with the other texts of its view (the explanation of one household, the sentences of one feature, the
/// register entry): over a handful of words a formula measures the longest word, not how easy the text is. New texts in
/// these places are collected without changing this test.
/// </summary>
public sealed partial class CitizenTextReadabilityTests
{
    private const double MinimumScore = 60;
    private const int MaximumSentenceWords = 20;

    private static readonly Lazy<ProfileSpace> DemoSpace = new(BuildDemoSpace);

    // The demo profile set as the Development start-up publishes it: the same households, seed and names.
    private static ProfileSpace BuildDemoSpace()
    {
        var data = FoodBankHouseholds.Generate(DemoProfiles.Households, DemoProfiles.Seed);
        var fit = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 3, Seed = DemoProfiles.Seed });
        var votes = new int[fit.Model.K, DemoProfiles.GroupTexts.Count];
        for (var i = 0; i < data.Matrix.RowCount; i++)
        {
            votes[fit.Labels[i], data.TrueGroups[i]]++;
        }

        var namings = Enumerable.Range(0, fit.Model.K).Select(k =>
        {
            var group = Enumerable.Range(0, DemoProfiles.GroupTexts.Count).MaxBy(g => votes[k, g]);
            return new ProfileNaming(Guid.CreateVersion7(), DemoProfiles.GroupTexts[group].Name, DemoProfiles.GroupTexts[group].Description);
        }).ToList();
        return ProfileSpaces.FromClusterModel(fit.Model, namings, FeatureLabels.Of(DemoProfiles.Features));
    }

    private static IEnumerable<Dictionary<string, FeatureValue>> DemoSubjects()
    {
        var data = FoodBankHouseholds.Generate(DemoProfiles.Households, DemoProfiles.Seed);
        for (var row = 0; row < data.Matrix.RowCount; row += 9)
        {
            var values = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
            foreach (var feature in data.Features.Where(f => f.InDistance))
            {
                var index = data.Matrix.IndexOf(feature.Name);
                values[feature.Name] = feature.Type == FeatureType.Numeric
                    ? FeatureValue.FromNumber(data.Matrix.Numeric(index)[row])
                    : FeatureValue.FromCategory(data.Matrix.CategoryValues(index)[data.Matrix.Categorical(index)[row]]);
            }

            yield return values;
        }
    }

    /// <summary>(where, language, text) for every citizen-facing text of the demo.</summary>
    private static IEnumerable<(string Where, Language Language, string Text)> Texts()
    {
        var space = DemoSpace.Value;
        foreach (var language in new[] { Language.Dutch, Language.English })
        {
            // The explanation, part by part, for a spread of demo households (the alternative with every counterfactual).
            var n = 0;
            foreach (var subject in DemoSubjects())
            {
                var explanation = Explainer.Explain(space, subject).Explanation!;
                var rendered = ExplanationText.Render(space, explanation, language);
                foreach (var (part, text) in new[]
                {
                    ("advice", rendered.Advice), ("reasons", rendered.Reasons), ("dataUsed", rendered.DataUsed), ("certainty", rendered.Certainty),
                    ("alternative", rendered.Alternative), ("whoDecides", rendered.WhoDecides), ("rightToObject", rendered.RightToObject),
                })
                {
                    yield return ($"explanation {n} {part}", language, text);
                }

                foreach (var counterfactual in explanation.Counterfactuals)
                {
                    var alternative = ExplanationText.Render(space, explanation with { Counterfactuals = [counterfactual] }, language).Alternative;
                    yield return ($"explanation {n} counterfactual", language, alternative);
                }

                n++;
            }

            // Every value of every demo feature as a sentence, and as the condition of a counterfactual.
            foreach (var (feature, value) in DemoValues())
            {
                yield return ($"statement {feature}={value}", language, FeaturePhrases.Statement(space, feature, value, language));
                yield return ($"condition {feature}={value}", language, Conditional(FeaturePhrases.Condition(space, feature, value, language), language));
            }

            foreach (var (name, description) in DemoProfiles.GroupTexts)
            {
                yield return ($"profile description {name.Nl}", language, description.In(language));
            }

            // Every state of an objection and of the advice.
            foreach (var status in new[] { "open", "upheld", "rejected" })
            {
                foreach (var kind in new[] { "notMe", "doNotWant" })
                {
                    yield return ($"objection {status} {kind}", language, CitizenTexts.ObjectionStatus(status, kind, language));
                }
            }

            foreach (var (status, decision) in new (string, string?)[] { ("contested", null), ("advice", null), ("decided", "follows"), ("decided", "deviates") })
            {
                yield return ($"advice without profiles {status} {decision}", language, CitizenTexts.AdviceWithoutProfiles(status, decision, language));
            }

            yield return ("objection received", language, CitizenTexts.ObjectionReceived(language));
            yield return ("right to object without advice", language, CitizenTexts.RightToObjectWithoutAdvice(language));
            yield return ("no advice", language, CitizenTexts.NoAdvice(language));
            yield return ("withdrawn", language, CitizenTexts.Withdrawn(language));
            yield return ("profile caveat", language, CitizenTexts.ProfileCaveat(language));
            yield return ("all profiles", language, CitizenTexts.AllProfiles(language));
            yield return ("how profiles were made", language, CitizenTexts.HowProfilesWereMade(language));
            yield return ("decision follows", language, CitizenTexts.Decision("follows", language));
            yield return ("decision deviates", language, CitizenTexts.Decision("deviates", language));

            // What the citizen reads about who may use their data.
            yield return ("may look", language, CitizenTexts.MayLookIntro(language));
            yield return ("datasets none", language, CitizenTexts.DatasetsIntro(0, language));
            yield return ("datasets some", language, CitizenTexts.DatasetsIntro(1, language));
            yield return ("excluded", language, CitizenTexts.ExcludedFromClusterings(true, language));
            yield return ("not excluded", language, CitizenTexts.ExcludedFromClusterings(false, language));
            foreach (var action in typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!))
            {
                yield return ($"access log {action}", language, CitizenTexts.Action(action, language));
            }

            // The public register entry, with and without a published set; the technical method is in a field of its own.
            var model = new PublishedProfileSetModel(Guid.CreateVersion7(), space, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), 1000, DemoProfiles.Seed, DisclosureRules.Default, null);
            foreach (var (which, published) in new[] { ("published", model), ("none", (PublishedProfileSetModel?)null) })
            {
                var entry = RegisterEntry.For("Demogemeente", published, null, null, null, null, language);
                foreach (var (field, text) in new[]
                {
                    ("description_short", entry.DescriptionShort), ("goal", entry.Goal), ("impact", entry.Impact), ("proportionality", entry.Proportionality),
                    ("decision_making_process", entry.DecisionMakingProcess), ("human_intervention", entry.HumanIntervention), ("risks", entry.Risks),
                    ("source_data", entry.SourceData), ("methods_and_models", entry.MethodsAndModels), ("lawful_basis", entry.LawfulBasis),
                })
                {
                    yield return ($"register {which} {field}", language, text);
                }
            }

            // The inequality check as the public reads it, for every outcome.
            foreach (var outcome in new[] { FairnessTexts.NoProtectedFeatures, FairnessTexts.NoOverRepresentation, FairnessTexts.OverRepresentationFound })
            {
                var check = new FairnessCheckView { Outcome = outcome, CheckedFeatures = ["migrationBackground"] };
                yield return ($"fairness {outcome}", language, FairnessTexts.Public(check, language, _ => space.LabelOf("migrationBackground", language)));
            }

            yield return ("fairness not checked", language, FairnessTexts.Public((FairnessCheckView?)null, language));
        }

        yield return ("demo dataset purpose", Language.Dutch, DemoProfiles.Purpose);
    }

    private static string Conditional(string condition, Language language) => language == Language.Dutch
        ? $"Als {condition}, dan had u een ander advies gekregen."
        : $"If {condition}, the advice would have been different.";

    private static IEnumerable<(string Feature, FeatureValue Value)> DemoValues()
    {
        foreach (var feature in DemoProfiles.Features)
        {
            if (feature.Type == FeatureType.Categorical)
            {
                foreach (var value in feature.Values!)
                {
                    yield return (feature.Name, FeatureValue.FromCategory(value));
                }
            }
            else
            {
                foreach (var value in new[] { feature.Min ?? 0, 1, 2, 14_520, 22_000.5 }.Where(v => v >= (feature.Min ?? 0) && v <= (feature.Max ?? double.MaxValue)))
                {
                    yield return (feature.Name, FeatureValue.FromNumber(value));
                }
            }
        }
    }

    // The view a text is read in: "explanation 12 reasons" belongs to "explanation 12", "statement age=35" to "feature age".
    private static string ViewOf(string where)
    {
        var words = where.Split(' ');
        return words[0] switch
        {
            "explanation" => words[0] + " " + words[1],
            "statement" or "condition" => "feature " + words[1].Split('=')[0],
            "register" => words[0] + " " + words[1],
            _ => words[0],
        };
    }

    private static List<string> Failures(Language language)
    {
        var dutch = language == Language.Dutch;
        Func<string, double> score = dutch ? Readability.FleschDouma : Readability.FleschReadingEase;
        var texts = Texts().Where(t => t.Language == language).ToList();
        Assert.True(texts.Count > 300, $"only {texts.Count} texts collected");
        var tooLong = texts.Where(t => Readability.LongestSentence(t.Text) > MaximumSentenceWords).Select(t => t.Where + ": " + Readability.Describe(t.Text, dutch));
        var hard = texts.Where(t => Readability.Words(t.Text).Count >= 20 && score(t.Text) < MinimumScore).Select(t => t.Where + ": " + Readability.Describe(t.Text, dutch));
        var hardViews = texts.GroupBy(t => ViewOf(t.Where))
            .Select(g => (View: g.Key, Text: string.Join(" ", g.Select(t => t.Text).Distinct())))
            .Where(v => score(v.Text) < MinimumScore)
            .Select(v => "view " + v.View + ": " + Readability.Describe(v.Text, dutch));
        return tooLong.Concat(hard).Concat(hardViews).Distinct().ToList();
    }

    [Fact]
    public void Every_citizen_facing_dutch_text_of_the_demo_reads_at_B1_level()
    {
        var failures = Failures(Language.Dutch);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_citizen_facing_english_text_of_the_demo_is_easy_to_read()
    {
        var failures = Failures(Language.English);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [GeneratedRegex(@"(?<![\p{L}])(ja|nee|geen|yes|no|none)\.$")]
    private static partial Regex BareValueAtTheEnd();

    [Fact]
    public void Every_value_of_every_demo_feature_renders_a_correct_sentence()
    {
        var space = DemoSpace.Value;
        var codes = DemoProfiles.Features.SelectMany(f => (f.Values ?? []).Append(f.Name)).Where(c => c.Any(char.IsUpper)).ToList();
        foreach (var language in new[] { Language.Dutch, Language.English })
        {
            foreach (var (feature, value) in DemoValues())
            {
                var statement = FeaturePhrases.Statement(space, feature, value, language);
                var condition = FeaturePhrases.Condition(space, feature, value, language);

                // A whole sentence: a capital at the start, a full stop at the end, no code, never a bare "ja", "geen" or "none".
                Assert.True(char.IsUpper(statement[0]), statement);
                Assert.EndsWith(".", statement, StringComparison.Ordinal);
                Assert.DoesNotMatch(BareValueAtTheEnd(), statement);
                Assert.All(codes, code => Assert.DoesNotContain(code, statement, StringComparison.Ordinal));
                // A clause after "Als" / "If": no capital (except "I"), no full stop, and in Dutch the verb at the end.
                Assert.True(char.IsLower(condition[0]), condition);
                Assert.False(char.IsPunctuation(condition[^1]), condition);
                Assert.All(codes, code => Assert.DoesNotContain(code, condition, StringComparison.Ordinal));
                if (language == Language.Dutch)
                {
                    Assert.Matches(@"\b(had|was|waren)\b", condition);
                }

                if (value.IsNumeric && space.WordingOf(feature)?.Unit == FeatureUnits.Euro)
                {
                    Assert.Matches(language == Language.Dutch ? @"€ \d{1,3}(\.\d{3})*(,\d{2})?\b" : @"€\d{1,3}(,\d{3})*(\.\d{2})?\b", statement);
                }

                if (value.IsNumeric && space.WordingOf(feature)?.Unit == FeatureUnits.Years)
                {
                    Assert.Matches(language == Language.Dutch ? @"\d jaar\.$" : @"\d years?\.$", statement);
                }
            }
        }
    }
}
