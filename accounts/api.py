from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttles import ScopedRateThrottle
from accounts.tokens import TooManyAttempts, issue_api_token


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
    code = serializers.CharField(
        required=False, help_text=_("Six-digit authenticator code, when two-factor is on.")
    )


class ObtainTokenView(APIView):
    """Exchange an e-mail address and password (and the authenticator code, when two-factor
    is on) for an API token. Failures count towards the sign-in form's limits."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        try:
            token = issue_api_token(
                request=request._request, email=values["email"],
                password=values["password"], code=values.get("code"),
            )
        except TooManyAttempts as error:
            raise exceptions.Throttled(detail=str(error)) from error
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from error
        return Response({"token": token.key}, status=status.HTTP_200_OK)
