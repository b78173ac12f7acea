using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.UpdateProfile;

/// <summary>Only the texts sent are changed; send an empty text to clear it.</summary>
public sealed class Request
{
    public Guid Id { get; set; }

    public Guid ProfileId { get; set; }

    /// <summary>A short name, e.g. "Jonge alleenstaande ouders in de bijstand".</summary>
    public ProfileTextInput? Name { get; set; }

    /// <summary>A description in plain language (Dutch at B1 level, and English).</summary>
    public ProfileTextInput? Description { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name!.Nl).MaximumLength(200).IsPlainText().When(x => x.Name is not null);
            RuleFor(x => x.Name!.En).MaximumLength(200).IsPlainText().When(x => x.Name is not null);
            RuleFor(x => x.Description!.Nl).MaximumLength(2000).IsPlainText().When(x => x.Description is not null);
            RuleFor(x => x.Description!.En).MaximumLength(2000).IsPlainText().When(x => x.Description is not null);
        }
    }
}
