from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts.mfa import has_totp, must_use_mfa, verify_totp_code


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
    code = serializers.CharField(
        required=False, help_text=_("Six-digit authenticator code, when two-factor is on.")
    )

    def validate(self, attrs):
        request = self.context["request"]
        user = authenticate(request, email=attrs["email"].lower(), password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(
                {"password": [_("This e-mail address and password do not match an account.")]}
            )
        if has_totp(user):
            if not verify_totp_code(user, attrs.get("code")):
                raise serializers.ValidationError(
                    {"code": [_("Enter the current code from your authenticator app.")]}
                )
        elif must_use_mfa(user):
            raise serializers.ValidationError(
                {"code": [_("Set up two-factor authentication in the portal first.")]}
            )
        attrs["user"] = user
        return attrs


class ObtainTokenView(APIView):
    """Exchange an e-mail address and password for an API token."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key}, status=status.HTTP_200_OK)
