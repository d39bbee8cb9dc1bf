"""The shared form include (includes/form.html): a checkbox sits inside its own label, as Pico CSS draws it,
so it is never shown in front of the next field's label; a group of radios or checkboxes is a fieldset with
its legend; help and error texts carry the ids Django's aria-describedby points at."""

import pytest
from django import forms
from django.template.loader import render_to_string
from pytest_django.asserts import assertInHTML

from rekrut.interviews.forms import PolicyForm


class SampleForm(forms.Form):
    notify = forms.BooleanField(label="Tell the candidate", required=False, help_text="By e-mail.")
    outcome = forms.ChoiceField(
        label="Decision", choices=[("a", "Proceed"), ("b", "Hold")], widget=forms.RadioSelect
    )
    reason = forms.CharField(label="Why", help_text="Recorded with the decision.")


def render(form: forms.Form) -> str:
    return render_to_string("includes/form.html", {"form": form})


def test_a_checkbox_is_inside_the_label_that_names_it():
    html = render(PolicyForm(initial={"hr_is_gate": True}))
    assertInHTML(
        '<label for="id_hr_is_gate"><input type="checkbox" name="hr_is_gate" id="id_hr_is_gate" checked>'
        " The HR interview is a gate</label>",
        html,
    )
    assertInHTML(
        '<label for="id_user_decides"><input type="checkbox" name="user_decides" id="id_user_decides">'
        " The user's recommendation decides</label>",
        html,
    )
    # The select after two checkboxes keeps its own label, before it.
    assert html.index("The user&#x27;s recommendation decides") < html.index(
        'for="id_strong_user_yes_weight"'
    )


def test_a_radio_group_is_a_fieldset_with_its_legend():
    html = render(SampleForm())
    assertInHTML('<legend>Decision <span aria-hidden="true">*</span></legend>', html)
    assert html.index("<fieldset>") < html.index('name="outcome"') < html.index("</fieldset>")


@pytest.mark.parametrize("bound", [False, True])
def test_help_and_errors_carry_the_ids_the_field_points_at(bound):
    form = SampleForm({"outcome": "a"} if bound else None)
    if bound:
        assert not form.is_valid()
    html = render(form)
    assertInHTML('<small id="id_reason_helptext">Recorded with the decision.</small>', html)
    assert 'aria-describedby="id_reason_helptext' in html
    if bound:
        assertInHTML('<small class="field-error" id="id_reason_error">This field is required.</small>', html)
        assert 'aria-describedby="id_reason_helptext id_reason_error"' in html
