"""A file uploaded as an answer, served to whoever may see its application (the applicant
and program staff); anyone else gets 404, as if it did not exist."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from applications.answer_files import content_type_of, extension_of
from applications.lifecycle import can_view_application
from applications.question_models import Answer


@login_required
def answer_file(request, pk, question_id):
    """The file answered to question ``question_id`` by application ``pk``, as a download."""
    answer = get_object_or_404(Answer.objects.select_related("application"),
                               application_id=pk, question_id=question_id)
    if not can_view_application(user=request.user, application=answer.application) \
            or not answer.file:
        raise Http404
    name = f"answer-{pk}-{question_id}.{extension_of(answer.file_type)}"
    return FileResponse(answer.file.open("rb"), content_type=content_type_of(answer.file_type),
                        as_attachment=True, filename=name)
